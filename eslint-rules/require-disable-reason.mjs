// A local ESLint rule: every `eslint-disable…` comment says why, after ` -- ` (ESLint's own
// description syntax), so a reader can judge whether the exception still holds. Unused directives
// are reported by `linterOptions.reportUnusedDisableDirectives` in eslint.config.mjs.

const DIRECTIVE = /^\s*(eslint-disable(?:-next-line|-line)?)(?=\s|$)/;
const REASON = /\s--\s*\S/;

/** @type {import("eslint").Rule.RuleModule} */
const requireDisableReason = {
  meta: {
    type: "suggestion",
    docs: { description: "Require a reason (`-- why`) on every eslint-disable comment" },
    schema: [],
    messages: { missing: "Say why after `--`: `{{directive}} <rule> -- <reason>`." },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const m = DIRECTIVE.exec(comment.value);
          if (m && !REASON.test(comment.value)) context.report({ loc: comment.loc ?? { line: 1, column: 0 }, messageId: "missing", data: { directive: m[1] } });
        }
      },
    };
  },
};

export default { rules: { "require-disable-reason": requireDisableReason } };
