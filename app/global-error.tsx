"use client";

/*
 * Replaces the root layout when it fails, so it cannot rely on globals.css: inline styles only,
 * with a dark variant through a small <style> block.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body
        style={{
          margin: 0,
          minHeight: "100vh",
          display: "flex",
          alignItems: "center",
          justifyContent: "center",
          fontFamily: "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        }}
      >
        <title>Berth — error</title>
        <style>{`body{background:#f5f6f8;color:#161a22}@media (prefers-color-scheme: dark){body{background:#0d0f13;color:#e6e9ef}}`}</style>
        <div style={{ textAlign: "center", padding: 32 }}>
          <h1 style={{ fontSize: 18, margin: "0 0 8px" }}>Berth could not load</h1>
          <p style={{ fontSize: 14, opacity: 0.7, margin: "0 0 16px" }}>An unexpected error stopped the page. Try again in a moment.</p>
          <button
            onClick={() => retry()}
            style={{ font: "inherit", fontSize: 14, padding: "6px 14px", borderRadius: 6, border: 0, background: "#2459d6", color: "#fff", cursor: "pointer" }}
          >
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
