// What makes Taskflow an installable app, mounted once in the root layout: the service worker's
// registration (public/sw.js; the manifest is app/manifest.ts) and the offline banner.
import { isDevelopment } from "@/env";
import { OfflineBanner } from "./offline-banner";
import { ServiceWorker } from "./service-worker";

export function Pwa() {
  return (
    <>
      <ServiceWorker enabled={!isDevelopment()} />
      <OfflineBanner />
    </>
  );
}
