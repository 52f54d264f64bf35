/**
 * The exercise check's words in the page's language. The runner says a check
 * in English (runner/checks.ts, ENGLISH_CHECK_PHRASES); a page in another
 * language says it again with the same rules (evaluateCheck) and these words.
 * The sentences avoid particles that depend on the word before them (은/는,
 * 이/가): process names and printed lines are English.
 */
import { ENGLISH_CHECK_PHRASES, evaluateCheck, fillNote, type CheckPhrases, type Expectation, type RunRecord } from '../../../runner/checks';
import type { Lang } from '../../../content/lang';
import type { CheckResult, RunEnd } from '../run/model';

const KOREAN: CheckPhrases = {
  status: {
    ok: { should: '정상 종료', did: '정상적으로 끝났습니다' },
    failed: { should: '오류로 끝나는 것', did: '오류로 끝났습니다(프로세스가 오류로 종료되었거나 비정상 종료되었습니다)' },
    timeout: {
      should: '시간 제한까지 실행되는 것',
      did: '시간 제한까지 실행되다가 중지되었습니다. 무언가가 계속 기다리게 했습니다(아무도 답하지 않는 receive(), 또는 닫지 않은 소켓)',
    },
    stopped: { should: '중지되는 것', did: '끝나기 전에 중지되었습니다' },
    'memory-limit': { should: '메모리 제한에 걸리는 것', did: '허용된 것보다 많은 메모리를 써서 중지되었습니다' },
    'cpu-limit': { should: 'CPU 시간 제한에 걸리는 것', did: '허용된 것보다 많은 CPU 시간을 써서 중지되었습니다' },
    'output-limit': { should: '출력 제한에 걸리는 것', did: '허용된 것보다 많이 출력해서 중지되었습니다' },
    'process-limit': { should: '프로세스 제한에 걸리는 것', did: '허용된 것보다 많은 프로세스나 스레드를 시작해서 중지되었습니다' },
    error: { should: '시작하지 못하는 것', did: '시작하지 못했습니다. 코드가 아니라 서버의 문제입니다' },
  },
  unknownStatus: (status) => ({ should: `“${status}” 상태로 끝나는 것`, did: `“${status}” 상태로 끝났습니다` }),
  or: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} 또는 ${items.at(-1)}`),
  statusOwn: (explain, did) => `${explain} 이번에는 실행이 ${did}.`,
  statusDefault: (should, did) => `이 실행에서 기대한 결과는 ${should}인데, 이번에는 실행이 ${did}.`,
  blockedDid: '프로세스들이 멈춰 있었습니다. 한동안 어느 프로세스도 출력하지 않고 CPU도 쓰지 않은 채, 끝내 오지 않는 메시지를 저마다 기다렸습니다.',
  notBlockedDid: '프로세스들이 서로를 기다리며 멈춘 적은 한 번도 없었습니다.',
  blockedExpected: '여기서는 프로세스들이 서로를 기다리며 멈춰야 하는데(이 예제가 보여 주는 교착 상태), 멈추지 않고 계속 진행되었습니다.',
  printedNothing: (process) => `${process} 프로세스는 아무것도 출력하지 않았습니다.`,
  lastLineWas: (quoted) => `마지막으로 출력한 줄은 ${quoted}입니다.`,
  itWas: (quoted) => `실제 마지막 줄은 ${quoted}입니다.`,
  shouldPrint: (process, line) => `${process} 프로세스가 ${line} 출력해야 하는데, 출력하지 않았습니다.`,
  line: {
    pattern: (pattern) => `정규식 /${pattern}/에 맞는 줄을`,
    whole: (quoted) => `정확히 ${quoted}인 줄을`,
    start: (quoted) => `${quoted} 문자열로 시작하는 줄을`,
    end: (quoted) => `${quoted} 문자열로 끝나는 줄을`,
    none: (quoted) => `${quoted} 문자열이 들어 있는 줄을`,
  },
  lastLineShould: (process, should) => `${process} 프로세스의 마지막 줄은 ${should}.`,
  lastLine: {
    pattern: (pattern) => `정규식 /${pattern}/에 맞아야 합니다`,
    whole: (quoted) => `${quoted} 그대로여야 합니다`,
    start: (quoted) => `${quoted} 문자열로 시작해야 합니다`,
    end: (quoted) => `${quoted} 문자열로 끝나야 합니다`,
    none: (quoted) => `${quoted} 문자열을 포함해야 합니다`,
  },
  ranMet: (did) => `실행이 ${did}.`,
  notStuck: '서로를 기다리며 멈춘 프로세스가 없었습니다.',
  stuckAsExpected: '프로세스들이 서로를 기다리며 멈췄습니다. 여기서는 그래야 합니다.',
  printedLine: (process, quoted) => `${process} 프로세스가 ${quoted} 줄을 출력했습니다.`,
  printedPattern: (process, line) => `${process} 프로세스가 ${line} 출력했습니다.`,
  lastLineMet: (process, quoted) => `${process} 프로세스의 마지막 줄은 ${quoted}입니다.`,
};

export const CHECK_PHRASES: Record<Lang, CheckPhrases> = { en: ENGLISH_CHECK_PHRASES, ko: KOREAN };

/** What a run showed, as checks read it, from the page's state at its end. */
function seen(end: RunEnd, blocked: boolean): RunRecord {
  return { status: end.status, blocked, stdout: end.stdout };
}

/**
 * The check's details in the page's language: the runner's (English) ones on
 * English pages and where the page has no translated check; null until the
 * run's end (the `check` event comes just before it). Should the page judge
 * the run otherwise than the runner did (output it did not keep), the
 * runner's details stand.
 */
export function checkDetails(
  check: CheckResult,
  expect: Expectation | null | undefined,
  end: RunEnd | null,
  blocked: boolean,
  lang: Lang,
): string[] | null {
  if (lang === 'en' || !expect) return check.details;
  if (!end) return null;
  const local = evaluateCheck({ title: check.title, expect }, seen(end, blocked), CHECK_PHRASES[lang]);
  return local.passed === check.passed ? local.details : check.details;
}

/** `end.note` in the page's language: the translated note, filled in from the same output as the runner's. */
export function noteText(end: RunEnd | null, expect: Expectation | undefined, lang: Lang): string | null {
  if (!end?.note) return null;
  if (lang === 'en' || !expect?.note) return end.note;
  return fillNote(expect.note, expect, { stdout: end.stdout });
}
