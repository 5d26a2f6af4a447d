import type { Metadata } from "next";
import { TokensPage } from "@/components/tokens/tokens-page";

export const metadata: Metadata = { title: "Connect your AI tools" };

export default function Page() {
  return <TokensPage />;
}
