import { RegistriesView } from "@/components/images/registries-view";

export const metadata = { title: "Registry credentials" };

export default function RegistriesPage() {
  return <RegistriesView />;
}
