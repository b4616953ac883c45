// End-to-end harness: the real bot (`src/index.ts`) behind the Microsoft 365 Agents Playground,
// driven headless over the Playground's HTTP API and websockets. Measured facts about the Playground:
// shared/notes/agents-playground.md (team notes); the mock tenant is `.m365agentsplayground.yml`.
//
//   const pg = new PlaygroundHarness();
//   before(async () => { await pg.startBot({ storePath: await pg.prepareStore(), now: '2025-12-10' });
//                        await pg.startPlayground(); });
//   after(() => pg.stop());
//   const sent = await pg.say(pg.personalChatId, 'hur ligger IFO mot budget?');
//   const reply = await pg.waitForReply(sent);
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  REPO_ROOT,
  delay,
  freePort,
  hasExited,
  killAllGroups,
  onLines,
  playgroundCommand,
  spawnGroup,
  stopGroup,
  waitForHttpOk,
  waitForListening,
} from '../../src/cli/playground.js';

// Children live in their own process groups, so a Ctrl-C on the test run does not reach them and
// a signal kills mocha without 'exit' handlers: kill them here, then let the signal do its default.
const tempDirs = new Set<string>();
function abandon(): void {
  killAllGroups();
  if (!process.env.BUDGETKOLLEN_E2E_KEEP) for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', abandon);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    abandon();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

const BOT_READY_MS = 20_000;
const PLAYGROUND_READY_MS = 20_000;
const DEFAULT_WAIT_MS = 15_000;
const TAIL_LINES = 200;

export interface Attachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

/** One bubble the Playground shows for the bot (websocket `createMessage` / `updateMessage`). */
export interface BotMessage {
  seq: number;
  action: 'createMessage' | 'updateMessage';
  /** The chat, the channel (for a new post the bot started) or the thread `<channel>;messageid=<id>`. */
  conversationId: string;
  /** Set when the bot started a new channel post: the thread to reply in. */
  postConversationId?: string;
  messageId: string;
  timestamp: number;
  text: string;
  textFormat?: string;
  attachments: Attachment[];
  raw: unknown;
}

/** One entry of the Playground's log panel (`/_ws/log/stream`): raw activities both ways, or a note. */
export interface LoggedActivity {
  seq: number;
  direction: 'toBot' | 'fromBot' | 'note';
  conversationId?: string;
  activityName?: string;
  /** The activity as sent (request body). */
  activity?: any;
  statusCode?: number;
  responseBody?: unknown;
  displayText?: string;
  level?: string;
}

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  [key: string]: unknown;
}

export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string; name: string };
  groupChats: { id: string; name: string; members: string[] }[];
  teams: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[]; members: string[] }[];
}

/** What `say` returns: where a reply is expected, and the point in the message stream to look after. */
export interface SentMessage {
  /** Thread id for a new channel post, else the conversation posted to. */
  conversationId: string;
  messageId: string;
  seq: number;
}

export interface StartBotOptions {
  storePath: string;
  /** BUDGETKOLLEN_NOW, YYYY-MM-DD. */
  now?: string;
  port?: number;
  /** Script run with `node --import tsx`, relative to the repo root; default `src/index.ts`. */
  entry?: string;
  env?: NodeJS.ProcessEnv;
}

type Waiter<T> = { predicate: (item: T) => boolean; resolve: (item: T) => void; since: number };

class ManagedProcess {
  readonly lines: string[] = [];
  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const keep = (stream: string) => (line: string) => {
      this.lines.push(`${stream}: ${line}`);
      if (this.lines.length > TAIL_LINES) this.lines.shift();
      if (process.env.BUDGETKOLLEN_E2E_VERBOSE) process.stderr.write(`[${name}] ${line}\n`);
    };
    onLines(child.stderr, keep('stderr'));
    // The Playground's stdout is also read by waitForListening; both listeners see every line.
    onLines(child.stdout, keep('stdout'));
  }
  get alive(): boolean {
    return !hasExited(this.child);
  }
  tail(count = 40): string {
    const exit = this.alive ? 'running' : `exited (code ${this.child.exitCode}, signal ${this.child.signalCode})`;
    return `--- ${this.name} (${exit}), last output ---\n${this.lines.slice(-count).join('\n') || '(none)'}`;
  }
}

export class PlaygroundHarness {
  readonly messages: BotMessage[] = [];
  readonly log: LoggedActivity[] = [];
  private seq = 0;
  private stores = 0;
  private messageWaiters: Waiter<BotMessage>[] = [];
  private logWaiters: Waiter<LoggedActivity>[] = [];
  private bot?: ManagedProcess;
  private playground?: ManagedProcess;
  private sockets: WebSocket[] = [];
  private tempDir?: string;
  private _botPort?: number;
  private _baseUrl?: string;
  private _config?: PlaygroundConfig;

  // ---- processes ---------------------------------------------------------------------------

  /** A fresh temp dir for this harness (stores, Playground log); removed by `stop()`. */
  async dir(): Promise<string> {
    if (!this.tempDir) {
      this.tempDir = await mkdtemp(join(tmpdir(), 'budgetkollen-e2e-'));
      tempDirs.add(this.tempDir);
    }
    return this.tempDir;
  }

  /** Imports `data/demo` into a new store in the temp dir with the real import CLI; returns its path. */
  async prepareStore(folder = 'data/demo'): Promise<string> {
    const storePath = join(await this.dir(), `store-${++this.stores}.json`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', folder, '--store', storePath], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((done) => child.on('close', (exitCode) => done(exitCode)));
    if (code !== 0) throw new Error(`import of ${folder} failed (exit ${code}):\n${output.slice(-4000)}`);
    return storePath;
  }

  /** Starts the bot on a free port and waits for GET /healthz. */
  async startBot(options: StartBotOptions): Promise<{ port: number; endpoint: string }> {
    if (this.bot?.alive) throw new Error('bot already running; stopBot() first');
    const port = options.port ?? (await freePort());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      STORE_PATH: options.storePath,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      // The Playground runs without auth: the bot must be in local unauthenticated mode.
      BOT_ID: '',
      BOT_PASSWORD: '',
      BOT_TENANT_ID: '',
      ALLOWED_TENANTS: '',
      ...(options.now ? { BUDGETKOLLEN_NOW: options.now } : {}),
      ...options.env,
    };
    const child = spawnGroup(['--import', 'tsx', options.entry ?? 'src/index.ts'], { cwd: REPO_ROOT, env });
    this.bot = new ManagedProcess('bot', child);
    try {
      await waitForHttpOk(`http://127.0.0.1:${port}/healthz`, BOT_READY_MS, () => this.bot?.alive ?? false);
    } catch (error) {
      const tail = this.bot.tail();
      await this.stopBot();
      throw new Error(`bot did not become ready: ${(error as Error).message}\n${tail}`, { cause: error });
    }
    this._botPort = port;
    return { port, endpoint: `http://127.0.0.1:${port}/api/messages` };
  }

  async stopBot(): Promise<void> {
    if (this.bot) await stopGroup(this.bot.child);
  }

  /** Starts the Playground against the bot, waits until its API answers and connects both websockets. */
  async startPlayground(options: { botPort?: number; port?: number } = {}): Promise<{ port: number; url: string }> {
    if (this.playground?.alive) throw new Error('playground already running; stopPlayground() first');
    const botPort = options.botPort ?? this._botPort;
    if (botPort === undefined) throw new Error('startPlayground needs a botPort (or startBot first)');
    const launch = playgroundCommand({
      botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
      port: options.port ?? (await freePort()),
      logFile: join(await this.dir(), 'playground.log'),
    });
    const child = spawnGroup(launch.args, { cwd: await this.dir(), env: { ...process.env, ...launch.env } });
    this.playground = new ManagedProcess('playground', child);
    try {
      const port = await waitForListening(child, PLAYGROUND_READY_MS);
      this._baseUrl = `http://127.0.0.1:${port}`;
      await waitForHttpOk(`${this._baseUrl}/_internal/v1/testConfig`, PLAYGROUND_READY_MS, () => this.playground?.alive ?? false);
      this._config = ((await this.getJson('/_internal/v1/testConfig')) as { config: PlaygroundConfig }).config;
      // Connect before anything is sent: bot messages sent with no client connected are buffered
      // and replayed to whichever client connects next.
      await Promise.all([
        this.connect('/_ws_conversation/v1/conversations/stream', (frame) => this.onConversationFrame(frame)),
        this.connect('/_ws/log/stream', (frame) => this.onLogFrame(frame)),
      ]);
      return { port, url: `http://localhost:${port}` };
    } catch (error) {
      const tail = this.playground.tail();
      await this.stopPlayground();
      throw new Error(`playground did not become ready: ${(error as Error).message}\n${tail}`, { cause: error });
    }
  }

  async stopPlayground(): Promise<void> {
    for (const socket of this.sockets.splice(0)) socket.terminate();
    if (this.playground) await stopGroup(this.playground.child);
    this._baseUrl = undefined;
  }

  /** The bot on a fresh copy of the demo data (imported by the real import CLI) with the clock at `now`, and the Playground. */
  async startDemo(now: string): Promise<{ url: string }> {
    await this.startBot({ storePath: await this.prepareStore(), now });
    return this.startPlayground();
  }

  /** Stops everything this harness started and removes its temp dir. Safe to call more than once. */
  async stop(): Promise<void> {
    await this.stopPlayground();
    await this.stopBot();
    if (this.tempDir && !process.env.BUDGETKOLLEN_E2E_KEEP) await rm(this.tempDir, { recursive: true, force: true });
    if (this.tempDir) tempDirs.delete(this.tempDir);
    this.tempDir = undefined;
  }

  /** Last output lines of the bot and the Playground, for failure messages. */
  diagnostics(): string {
    return [this.bot?.tail(), this.playground?.tail()].filter(Boolean).join('\n');
  }

  // ---- configuration -------------------------------------------------------------------------

  get config(): PlaygroundConfig {
    if (!this._config) throw new Error('playground not started');
    return this._config;
  }
  get baseUrl(): string {
    if (!this._baseUrl) throw new Error('playground not started');
    return this._baseUrl;
  }
  get botId(): string {
    return this.config.bot.id;
  }
  get botName(): string {
    return this.config.bot.name;
  }
  get currentUser(): PlaygroundUser {
    return this.config.currentUser;
  }
  get personalChatId(): string {
    return this.config.personalChat.id;
  }
  get groupChatId(): string {
    return this.config.groupChats[0]!.id;
  }
  get team(): PlaygroundConfig['teams'][number] {
    return this.config.teams[0]!;
  }
  get teamId(): string {
    return this.team.id;
  }
  /** The General channel's conversation id is the team id. */
  get generalChannelId(): string {
    return this.team.id;
  }
  get channelIds(): string[] {
    return this.team.channels.map((channel) => channel.id);
  }
  channelId(name: string): string {
    const channel = this.team.channels.find((c) => c.name === name);
    if (!channel) throw new Error(`no channel "${name}" (have ${this.team.channels.map((c) => c.name).join(', ')})`);
    return channel.id;
  }

  // ---- acting as the user --------------------------------------------------------------------

  /** What the Teams client does when the app is added: installationUpdate + conversationUpdate to the bot. */
  async install(conversationId: string): Promise<void> {
    await this.post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /**
   * Posts a user message. In a group chat or channel the Playground forwards it to the bot only
   * when it mentions the bot (`mention: true`). Posting to a channel id starts a new thread; post
   * to the returned `conversationId` to reply in it.
   */
  async say(conversationId: string, text: string, options: { mention?: boolean; from?: string } = {}): Promise<SentMessage> {
    const at = `<at>${this.botName}</at>`;
    const body: Record<string, unknown> = {
      from: { id: options.from ?? this.currentUser.id },
      text: options.mention ? `${at} ${text}` : text,
      textFormat: 'plain',
    };
    if (options.mention) body.mentions = [{ mentioned: { id: this.botId, name: this.botName }, text: at }];
    const seq = this.seq;
    const result = (await this.post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body)) as {
      messageId: string;
      postConversationId?: string;
    };
    return { conversationId: result.postConversationId ?? conversationId, messageId: result.messageId, seq };
  }

  /** Action.Submit on a card: the bot gets a message with `value` = action data + inputs (inputs as strings). */
  async submit(conversationId: string, replyToId: string, value: Record<string, unknown>, options: { from?: string } = {}): Promise<void> {
    await this.post('/_conversation/v1/submit', {
      conversation: { id: conversationId },
      from: { id: options.from ?? this.currentUser.id },
      replyToId,
      value,
    });
  }

  /**
   * Action.Execute on the card in message `replyToId`; resolves with the bot's invoke response body
   * (e.g. `{ statusCode, type: 'application/vnd.microsoft.card.adaptive', value: card }`).
   * The Playground replaces the stored card with `value` but pushes no websocket update for it.
   */
  async invoke(
    conversationId: string,
    replyToId: string,
    verb: string,
    data: Record<string, unknown> = {},
    options: { title?: string; from?: string } = {},
  ): Promise<any> {
    return this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      from: { id: options.from ?? this.currentUser.id },
      conversation: { id: conversationId },
      replyToId,
      value: { action: { type: 'Action.Execute', title: options.title ?? verb, verb, data } },
    });
  }

  /**
   * Sends one of the Playground's custom activities (install, uninstall, userAdded, userRemoved,
   * botAdded, botRemoved, channelCreated, channelRenamed, channelDeleted, teamRenamed, ...), built
   * from its template for `conversationId` and shallow-merged with `patch`. Returns what was sent.
   */
  async sendCustomActivity(type: string, conversationId: string, patch: Record<string, unknown> = {}): Promise<any> {
    const query = new URLSearchParams({ conversationId, type });
    const activity = { ...((await this.getJson(`/_internal/v1/customActivities/template?${query}`)) as object), ...patch };
    await this.post('/_internal/v1/customActivities', activity);
    return activity;
  }

  // ---- observing the bot ---------------------------------------------------------------------

  /** The current position in the message stream; pass as `since` to ignore what came before. */
  mark(): number {
    return this.seq;
  }

  /** First bot message (already received or future) matching `predicate`. */
  waitForBotMessage(
    predicate: (message: BotMessage) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
    options: { since?: number } = {},
  ): Promise<BotMessage> {
    return this.waitIn(this.messages, this.messageWaiters, predicate, timeoutMs, options.since ?? 0, () => this.describeMessages());
  }

  /** First bot message in the conversation (or thread) of `sent` that arrived after it was sent. */
  waitForReply(
    sent: SentMessage,
    predicate: (message: BotMessage) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<BotMessage> {
    return this.waitForBotMessage((m) => inConversation(m, sent.conversationId) && predicate(m), timeoutMs, {
      since: sent.seq,
    });
  }

  /** Fails if a bot message matching `predicate` (after `since`) arrives within `withinMs`. */
  async expectNoBotMessage(predicate: (message: BotMessage) => boolean, withinMs = 2000, options: { since?: number } = {}): Promise<void> {
    const found = await this.waitForBotMessage(predicate, withinMs, options).then(
      (message) => message,
      () => undefined,
    );
    if (found) throw new Error(`expected no bot message, got:\n${describeMessage(found)}`);
  }

  /** First Playground log entry matching `predicate`, e.g. an activity the bot received. */
  waitForLog(
    predicate: (entry: LoggedActivity) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
    options: { since?: number } = {},
  ): Promise<LoggedActivity> {
    return this.waitIn(this.log, this.logWaiters, predicate, timeoutMs, options.since ?? 0, () => this.describeLog());
  }

  /** An activity of `type` the Playground delivered to the bot (optionally in one conversation). */
  waitForActivityToBot(type: string, conversationId?: string, timeoutMs = DEFAULT_WAIT_MS): Promise<LoggedActivity> {
    return this.waitForLog(
      (e) => e.direction === 'toBot' && e.activity?.type === type && (!conversationId || e.conversationId === conversationId),
      timeoutMs,
    );
  }

  // ---- internals -------------------------------------------------------------------------------

  private waitIn<T extends { seq: number }>(
    items: T[],
    waiters: Waiter<T>[],
    predicate: (item: T) => boolean,
    timeoutMs: number,
    since: number,
    describe: () => string,
  ): Promise<T> {
    const already = items.find((item) => item.seq > since && predicate(item));
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        since,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`no matching message within ${timeoutMs} ms.\n${describe()}\n${this.diagnostics()}`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  }

  private deliver<T extends { seq: number }>(item: T, waiters: Waiter<T>[]): void {
    for (const waiter of [...waiters]) {
      let matches: boolean;
      try {
        matches = item.seq > waiter.since && waiter.predicate(item);
      } catch {
        matches = false;
      }
      if (matches) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(item);
      }
    }
  }

  private onConversationFrame(frame: any): void {
    if (frame?.action !== 'createMessage' && frame?.action !== 'updateMessage') return; // typing
    const m = frame.message ?? {};
    const message: BotMessage = {
      seq: ++this.seq,
      action: frame.action,
      conversationId: frame.actionConversationId,
      postConversationId: m.postConversationId,
      messageId: m.messageId,
      timestamp: m.timestamp,
      text: m.text ?? '',
      textFormat: m.textFormat,
      attachments: m.attachments ?? [],
      raw: frame,
    };
    this.messages.push(message);
    this.deliver(message, this.messageWaiters);
  }

  private onLogFrame(frame: any): void {
    if (frame?.logAction !== 'appendLog' || !frame.log) return;
    const log = frame.log;
    const direction: LoggedActivity['direction'] = log.request ? (log.to === 'User Application' ? 'toBot' : 'fromBot') : 'note';
    const entry: LoggedActivity = {
      seq: ++this.seq,
      direction,
      conversationId: log.conversationId,
      activityName: log.activityName,
      activity: log.request?.body,
      statusCode: log.response?.statusCode,
      responseBody: log.response?.body,
      displayText: log.displayText,
      level: log.level,
    };
    this.log.push(entry);
    this.deliver(entry, this.logWaiters);
  }

  private connect(path: string, onFrame: (frame: unknown) => void): Promise<void> {
    const socket = new WebSocket(this.baseUrl.replace(/^http/, 'ws') + path);
    this.sockets.push(socket);
    socket.on('message', (data) => {
      try {
        onFrame(JSON.parse(data.toString()));
      } catch {
        // not JSON: ignore
      }
    });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
  }

  private async getJson(path: string): Promise<unknown> {
    const response = await fetch(this.baseUrl + path);
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${text}`);
    return JSON.parse(text);
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${text}\n${this.diagnostics()}`);
    return text ? JSON.parse(text) : undefined;
  }

  private describeMessages(): string {
    if (this.messages.length === 0) return 'No bot messages arrived at all.';
    return `Bot messages that did arrive (${this.messages.length}):\n${this.messages.map(describeMessage).join('\n')}`;
  }

  private describeLog(): string {
    return `Playground log (${this.log.length}):\n${this.log.map(describeLogEntry).join('\n')}`;
  }
}

function inConversation(message: BotMessage, conversationId: string): boolean {
  return message.conversationId === conversationId || message.postConversationId === conversationId;
}

function describeMessage(message: BotMessage): string {
  const where = message.postConversationId ? `${message.conversationId} (post ${message.postConversationId})` : message.conversationId;
  return `  #${message.seq} ${message.action} in ${where}: ${JSON.stringify(readableText(message).slice(0, 600))}`;
}

function describeLogEntry(entry: LoggedActivity): string {
  if (entry.direction === 'note') return `  #${entry.seq} note ${entry.level ?? ''}: ${entry.displayText ?? ''}`;
  const arrow = entry.direction === 'toBot' ? '-> bot' : '<- bot';
  return `  #${entry.seq} ${arrow} ${entry.activityName ?? entry.activity?.type} in ${entry.conversationId} [${entry.statusCode}] ${JSON.stringify((entry.activity?.text ?? '').slice(0, 120))}`;
}

// ---- what a user sees ------------------------------------------------------------------------

/**
 * A bot message (or activity) as readable text: its `text`, then for every card the text of
 * TextBlocks/TextRuns, FactSet "title: value" lines, table cells, input labels, choice titles and
 * action titles, one per line, in document order.
 */
/**
 * The end-to-end suites' start-up: a harness whose bot (on the demo data, clock at `now`) and Playground start
 * before the suite's tests and stop after them. Call it in a `describe`.
 */
export function demoPlayground(now = '2025-12-10'): PlaygroundHarness {
  const pg = new PlaygroundHarness();
  before(async function () {
    this.timeout(90_000);
    await pg.startDemo(now);
  });
  after(async function () {
    this.timeout(20_000);
    await pg.stop();
  });
  return pg;
}

export function readableText(message: { text?: string; attachments?: Attachment[] }): string {
  const out: string[] = [];
  if (message.text) out.push(message.text);
  for (const attachment of message.attachments ?? []) {
    const content = attachment.content as any;
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') walkCard(content, out);
    else if (content && typeof content === 'object') {
      for (const key of ['title', 'subtitle', 'text']) if (typeof content[key] === 'string') out.push(content[key]);
      walkCard(content.buttons, out);
    }
  }
  return out.filter((line) => line.trim() !== '').join('\n');
}

function walkCard(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) walkCard(child, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, any>;
  const type = typeof element.type === 'string' ? element.type : '';
  if (type === 'TextBlock' || type === 'TextRun') pushString(out, element.text);
  if (type === 'FactSet') {
    for (const fact of element.facts ?? []) out.push(`${String(fact.title ?? '').replace(/:\s*$/, '')}: ${fact.value ?? ''}`);
  }
  if (type.startsWith('Input.')) pushString(out, element.label);
  if (type === 'Input.ChoiceSet') for (const choice of element.choices ?? []) pushString(out, choice.title);
  if (type.startsWith('Action.') || (!type && typeof element.title === 'string' && 'value' in element)) {
    pushString(out, element.title);
  }
  for (const key of ['body', 'items', 'columns', 'rows', 'cells', 'inlines', 'actions', 'card']) walkCard(element[key], out);
}

function pushString(out: string[], value: unknown): void {
  if (typeof value === 'string') out.push(value);
}

/** The first Adaptive Card in a bot message (its content), or undefined. */
export function adaptiveCardOf(message: { attachments?: Attachment[] }): any {
  return message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Every action on the card, in document order, including those inside containers and ActionSets. */
export function cardActions(message: { attachments?: Attachment[] }): any[] {
  const found: any[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, any>;
    if (typeof element.type === 'string' && element.type.startsWith('Action.')) found.push(element);
    for (const key of ['body', 'items', 'columns', 'rows', 'cells', 'actions', 'card']) walk(element[key]);
  };
  walk(adaptiveCardOf(message));
  return found;
}

/** The card action titled `title`; throws listing the titles there are. */
export function cardAction(message: { attachments?: Attachment[] }, title: string): any {
  const actions = cardActions(message);
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no card action "${title}" (have ${actions.map((a) => JSON.stringify(a.title)).join(', ') || 'none'})`);
  return action;
}

/** The card's inputs (Input.* elements anywhere in the body) by id. */
export function cardInputs(message: { attachments?: Attachment[] }): Record<string, any> {
  const found: Record<string, any> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, any>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.id === 'string')
      found[element.id] = element;
    for (const key of ['body', 'items', 'columns', 'rows', 'cells']) walk(element[key]);
  };
  walk(adaptiveCardOf(message));
  return found;
}

/**
 * What Teams sends for an action on the card: the action's data plus each input's current value as a
 * string (empty inputs left out), with `changes` typed over them.
 */
export function actionPayload(
  message: { attachments?: Attachment[] },
  action: { data?: Record<string, unknown> },
  changes: Record<string, string> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [id, input] of Object.entries(cardInputs(message))) {
    const value = changes[id] ?? (input.value === undefined ? '' : String(input.value));
    if (value !== '') values[id] = value;
  }
  for (const [id, value] of Object.entries(changes)) if (!(id in values) && value !== '') values[id] = value;
  return { ...(action.data ?? {}), ...values };
}

/** Folds the spaces and minus signs `Intl.NumberFormat('sv-SE')` uses (NBSP, U+202F, U+2212) to ASCII. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/[ \t]+/g, ' ');
}

export { delay };
