/** The UI's strings, one file per language (messages/en.json is the source; ko.json has the same keys). */
import type { Lang } from "../content/lang";
import en from "../messages/en.json";
import ko from "../messages/ko.json";

export type Messages = typeof en;

const MESSAGES: Record<Lang, Messages> = { en, ko };

export function messagesOf(lang: Lang): Messages {
  return MESSAGES[lang];
}
