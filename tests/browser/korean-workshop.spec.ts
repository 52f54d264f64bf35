/**
 * The workshop in Korean (issue 19): an instructor creates a workshop on /ko/w/new, a learner
 * joins on /ko/w/<code>, and the board, the learner panel, the learner's bar, a hint, a move of
 * the room and an error the server answers with are all in Korean; every link keeps /ko; axe
 * passes on each Korean workshop page. On a server of its own (own workshop data).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { getLesson } from '../../content/loader';
import { anchorHref } from '../../content/steps';
import { playground, watchPage } from './helpers';
import { siteTest as test, type SiteServer } from './workshopServer';

const LESSON = '01-what-is-zeromq';
const SNIPPET = 'hello-one-process';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function koreanPerson(browser: Browser, server: SiteServer) {
  const context = await browser.newContext({ baseURL: server.url, locale: 'ko-KR', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  return { context, page, problems: watchPage(page, server.url) };
}

test('a Korean workshop: create, join, board, learner panel, hint, move, errors, presenter — in Korean, axe clean', async ({ browser, site: server }) => {
  test.setTimeout(180_000);
  const lesson = getLesson(LESSON, undefined, 'ko')!;
  expect(lesson.untranslated ?? false).toBe(false);
  const snippetTitle = lesson.snippetDetails.find((s) => s.id === SNIPPET)!.title;
  const teacher = await koreanPerson(browser, server);
  const learner = await koreanPerson(browser, server);

  // Create on /ko/w/new: Korean labels, the lessons' Korean titles, Korean links to share.
  const create = teacher.page;
  await create.goto('/ko/w/new');
  await expect(create.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(create.getByRole('button', { name: '워크숍 만들기' })).toBeVisible();
  expect(await violations(create)).toEqual([]);
  await create.getByRole('button', { name: '워크숍 만들기' }).click();
  await expect(create.getByTestId('create-error')).toHaveText('워크숍 제목을 입력하십시오(학습자에게 보입니다).');
  await create.getByLabel('제목').fill('ZeroMQ 기초');
  await create.getByLabel(`1부: ${lesson.title}`).check();
  await create.getByRole('button', { name: '워크숍 만들기' }).click();
  // A fresh server's first workshop request opens its database (PGlite) first: seconds on a busy machine.
  await expect(create.getByTestId('workshop-created')).toBeVisible({ timeout: 30_000 });
  await expect(create.getByTestId('workshop-created').getByRole('alert')).toContainText('이번 한 번만');
  const code = (await create.getByTestId('join-code').textContent())!.trim();
  await expect(create.getByTestId('join-link')).toHaveValue(`${server.url}/ko/w/${code}`);
  const instructorLink = await create.getByTestId('instructor-link').inputValue();
  expect(instructorLink).toMatch(new RegExp(`^${server.url}/ko/w/${code}/instructor#key=`));
  expect(await violations(create)).toEqual([]);

  // The board, in Korean.
  const board = teacher.page;
  await board.goto(instructorLink);
  await expect(board.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(board.getByRole('heading', { level: 1, name: 'ZeroMQ 기초' })).toBeVisible();
  await expect(board.getByText('아직 아무도 참가하지 않았습니다')).toBeVisible();

  // The learner joins on the Korean join link.
  const me = learner.page;
  await me.goto(`/ko/w/${code}`);
  await expect(me.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(me.getByRole('heading', { name: '“ZeroMQ 기초”에 참가하기' })).toBeVisible();
  expect(await violations(me)).toEqual([]);
  await me.getByLabel('이름').fill('지민');
  await me.getByRole('button', { name: '워크숍 참가하기' }).click();
  await expect(me.getByText('지민 이름으로 참가했습니다.')).toBeVisible();
  await expect(me.getByTestId('workshop-items')).toContainText(lesson.title);
  // The workshop's links keep the page's language.
  for (const href of await me.getByTestId('workshop-items').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^\/ko\/lessons\//);
  }
  const bar = me.getByTestId('workshop-bar');
  await expect(bar.getByRole('button', { name: '손 들기' })).toBeVisible();
  await expect(bar.getByTestId('follow-state')).toContainText('강사를 따라가는 중');
  expect(await violations(me)).toEqual([]);

  // A name taken: the server's code, said in Korean (the API itself answers in English).
  const second = await teacher.context.newPage();
  await second.goto(`/ko/w/${code}`);
  await second.getByLabel('이름').fill('지민');
  await second.getByRole('button', { name: '워크숍 참가하기' }).click();
  await expect(second.getByTestId('join-error')).toHaveText('이 워크숍에 같은 이름을 쓰는 사람이 이미 있습니다. 다른 이름을 고르십시오.');
  await second.close();

  // The board sees them: Korean counters, filters and tile.
  await expect(board.getByTestId('learner-tile')).toHaveCount(1);
  await expect(board.getByTestId('count-joined')).toHaveText('1');
  await expect(board.getByText('참가', { exact: true })).toBeVisible();
  await expect(board.getByText('5분 이상 막힘', { exact: true }).first()).toBeVisible();
  await expect(board.getByRole('link', { name: '발표자 화면' })).toHaveAttribute('href', `/ko/w/${code}/present`);
  await expect(board.getByTestId('learner-tile')).toContainText('실행 0회');
  expect(await violations(board)).toEqual([]);

  // The learner panel, and a hint that reaches the learner in Korean.
  await board.getByRole('button', { name: '지민: 코드와 출력 열기' }).click();
  const panel = board.getByTestId('learner-panel');
  await expect(panel.getByRole('heading', { name: /^현재 코드/ })).toBeVisible();
  await expect(panel.getByTestId('last-output-title')).toContainText('마지막 출력');
  expect(await violations(board)).toEqual([]);
  await panel.getByLabel('지민에게 힌트 보내기').fill('bind 주소를 확인해 보십시오.');
  await panel.getByRole('button', { name: '힌트 보내기' }).click();
  await expect(panel.getByText('지민에게 힌트를 보냈습니다.')).toBeVisible();
  await expect(me.getByTestId('toast-hint')).toContainText('강사의 힌트: bind 주소를 확인해 보십시오.');
  await expect(me.getByTestId('toast-hint').getByRole('button', { name: '닫기' })).toBeVisible();
  await bar.getByRole('button', { name: /^힌트/ }).click();
  await expect(bar.getByTestId('hints')).toContainText('bind 주소를 확인해 보십시오.');
  await panel.getByRole('button', { name: '닫기' }).click();

  // Move the room: the learner, following, lands on the Korean step of the snippet.
  await board.getByLabel('위치').selectOption(`${LESSON}#${SNIPPET}`);
  await board.getByRole('button', { name: '모두 이곳으로 이동' }).click();
  await expect(board.getByTestId('current-focus')).toContainText(`지금 위치: ${lesson.title} › ${snippetTitle}`);
  const step = anchorHref(lesson, SNIPPET);
  expect(step).toMatch(/^\/ko\/lessons\//);
  await expect(me).toHaveURL(new RegExp(`${step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(me.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(bar).toBeVisible();

  // The presenter view, in Korean, with the Korean join address.
  const projector = teacher.page;
  await projector.goto(`/ko/w/${code}/present`);
  await expect(projector.getByTestId('presenter')).toContainText(`참가 주소: localhost:${server.port}/ko/w/${code}`);
  await expect(playground(projector, SNIPPET).locator('[data-editor="ready"]')).toBeVisible({ timeout: 30_000 });
  await expect(projector.getByRole('link', { name: '보드로 돌아가기' })).toHaveAttribute('href', `/ko/w/${code}/instructor`);
  expect(await violations(projector)).toEqual([]);

  // Without the instructor link: Korean, with a Korean way back to the join page.
  const stranger = await browser.newContext({ baseURL: server.url, locale: 'ko-KR' });
  const lost = await stranger.newPage();
  await lost.goto(`/ko/w/${code}/instructor`);
  await expect(lost.getByTestId('access-needed')).toContainText('강사 링크가 필요합니다');
  await expect(lost.getByRole('link', { name: `워크숍 ${code} 참가하기` })).toHaveAttribute('href', `/ko/w/${code}`);
  expect(await violations(lost)).toEqual([]);
  await stranger.close();

  expect(teacher.problems).toEqual([]);
  expect(learner.problems).toEqual([]);
  await teacher.context.close();
  await learner.context.close();
});
