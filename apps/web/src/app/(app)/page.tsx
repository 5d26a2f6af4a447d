import type { Metadata } from "next";
import { BoardPage } from "@/components/board/board-page";

export const metadata: Metadata = { title: "Board" };

export default function HomePage() {
  return <BoardPage />;
}
