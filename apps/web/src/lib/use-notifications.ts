"use client";

// Browser notifications: the permission is asked only from a person's click ("Enable notifications"),
// never on load; a notification is shown only when it was granted.
import { useCallback, useEffect, useState } from "react";

export type NotifyPermission = NotificationPermission | "unsupported";

const supported = () => typeof window !== "undefined" && "Notification" in window;

export function useNotifications() {
  const [permission, setPermission] = useState<NotifyPermission>("unsupported");

  useEffect(() => {
    setPermission(supported() ? Notification.permission : "unsupported");
  }, []);

  /** Call from a click handler only. */
  const request = useCallback(async () => {
    if (!supported()) return;
    setPermission(await Notification.requestPermission());
  }, []);

  /** Shows a notification when allowed; `onClick` brings the page forward first. Returns whether shown. */
  const notify = useCallback((title: string, options: NotificationOptions, onClick?: () => void) => {
    if (!supported() || Notification.permission !== "granted") return false;
    try {
      const shown = new Notification(title, options);
      shown.onclick = () => {
        window.focus();
        onClick?.();
        shown.close();
      };
      return true;
    } catch {
      // Some browsers only allow notifications from a service worker; the in-page notice remains.
      return false;
    }
  }, []);

  return { permission, request, notify };
}
