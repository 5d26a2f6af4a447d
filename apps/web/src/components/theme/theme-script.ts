// The theme choice (System / Light / Dark) and the tiny script that applies it. The script runs in
// the document head before the first paint (layout.tsx renders it inline with the page's CSP nonce),
// so a dark page never flashes light; it also follows the system while "System" is chosen.

export const THEME_STORAGE_KEY = "taskflow-theme";
export const THEME_EVENT = "taskflow-theme";
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === "string" && (THEME_CHOICES as readonly string[]).includes(value);
}

/**
 * Sets `dark` or `light` on <html> and `data-theme` to the choice; re-applies when the system
 * scheme changes or another tab changes the choice. Plain ES5 so it runs before any bundle loads.
 */
export const themeScript = `(function(){var k=${JSON.stringify(THEME_STORAGE_KEY)},m=window.matchMedia("(prefers-color-scheme: dark)");function a(){var c=null;try{c=localStorage.getItem(k)}catch(e){}if(c!=="light"&&c!=="dark")c="system";var d=c==="dark"||(c==="system"&&m.matches),h=document.documentElement;h.classList.toggle("dark",d);h.classList.toggle("light",!d);h.setAttribute("data-theme",c)}a();window.__applyTheme=a;m.addEventListener("change",a);window.addEventListener("storage",function(e){if(e.key===k)a()})})();`;

/** Remembers the choice and applies it at once (the head script owns the class on <html>). */
export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice still applies to this page.
  }
  const apply = (window as { __applyTheme?: () => void }).__applyTheme;
  if (apply) apply();
  else document.documentElement.setAttribute("data-theme", choice);
  window.dispatchEvent(new Event(THEME_EVENT));
}

/** The choice the page shows now (what the head script wrote on <html>). */
export function currentThemeChoice(): ThemeChoice {
  const value = document.documentElement.getAttribute("data-theme");
  return isThemeChoice(value) ? value : "system";
}
