/**
 * A local fake of DingTalk (node:http + ws on 127.0.0.1, port 0) speaking the real wire formats
 * (as the dingtalk-stream SDK and DingTalk's open-platform docs describe them), so the REAL dingtalk-stream client can be tested end to end:
 *
 *   POST /v1.0/gateway/connections/open   → {endpoint, ticket} (single-use ticket)
 *   WS   /connect?ticket=…                 ← CALLBACK / SYSTEM frames; → acks, ping replies
 *   POST /robot/sendBySession?session=…   → {errcode:0, errmsg:'ok'} (recorded)
 *   POST /v1.0/oauth2/accessToken         → {accessToken, expireIn}
 *   POST /v1.0/robot/groupMessages/send   → {processQueryKey} (token checked, recorded)
 *   POST /v1.0/robot/oToMessages/batchSend→ {processQueryKey}
 *   POST /topapi/v2/user/getuserinfo?access_token=… {code} → {errcode:0, result:{userid, name}} (H5 micro-app free
 *        login; codes come from issueAuthCode(), are single-use, and need a token from /v1.0/oauth2/accessToken)
 *
 *   POST /v1.0/card/instances/createAndDeliver → {success, result} (token checked; the card is kept in `cards`)
 *   PUT  /v1.0/card/streaming              → streams a card variable (recorded on the card)
 *   PUT  /v1.0/card/instances              → updates card variables by key (flowStatus history recorded)
 *   POST /v1.0/card/callbacks/register     → {success} (HTTP mode: where presses on cards created with
 *        callbackType HTTP + callbackRouteKey are POSTed, and the apiSecret they are signed with)
 *   `cardFault` injects card API failures per call.
 *   POST /v1.0/robot/messageFiles/download → {downloadUrl} for a file added with addFile(); GET /files/<code> → bytes
 *
 * HTTP callback mode: postCallback(url, data, …) plays DingTalk POSTing a robot message to the bot, with
 * the `timestamp` + `sign` headers computed as DingTalk does (or deliberately wrong / stale).
 *
 * Button presses: pressCard() plays a user pressing a button on a card, the way the card was created for:
 * a callback frame over the stream (callbackType STREAM), or a signed POST to the URL registered for the
 * card's callbackRouteKey (callbackType HTTP).
 *
 * Also: startDingTalkHarness({ sink }) — fake + config + a started adapter, for adapter and full-product e2e
 * (DINGTALK_MODE=http in env: the adapter listens on a free local port instead of connecting the stream).
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket } from 'ws';
import { parseConfig } from '../../src/config/index.js';
import type { Config } from '../../src/config/schema.js';
import { silentLogger, type Logger } from '../../src/observability/logger.js';
import {
  createDingTalkAdapter,
  type DingTalkAdapter,
  type DingTalkAdapterOptions,
} from '../../src/platforms/dingtalk/index.js';
import type { MessageSink } from '../../src/platforms/types.js';
import { bounded } from './wait.js';

export const TOPIC_ROBOT = '/v1.0/im/bot/messages/get';
export const TOPIC_CARD = '/v1.0/card/instances/callback';
export const FAKE_CLIENT_ID = 'dingfakeclientid';
export const FAKE_CLIENT_SECRET = 'fake-client-secret';
export const FAKE_ROBOT_CODE = 'dingfakeclientid';

export interface RecordedAck {
  frameId: string;
  data: unknown;
  /** performance.now() when the fake received it. */
  at: number;
  connection: number;
}

export interface RecordedWebhookPost {
  session: string;
  body: {
    msgtype: string;
    markdown?: { title: string; text: string };
    text?: { content: string };
    at?: { atUserIds?: string[]; atMobiles?: string[]; isAtAll?: boolean };
  };
  at: number;
}

export interface RecordedApiSend {
  path: string;
  token: string;
  body: { robotCode: string; openConversationId?: string; userIds?: string[]; msgKey: string; msgParam: string };
  at: number;
}

type Reply = { status: number; body: unknown; delayMs?: number };

export type CardCallKind = 'create' | 'stream' | 'update' | 'register';

/** A card callback URL registered through /v1.0/card/callbacks/register. */
export interface CardCallbackRegistration {
  routeKey: string;
  url: string;
  apiSecret: string;
  forceUpdate: boolean;
}

/** A user pressing a button (its id from the card's msgButtons) on a card. */
export interface CardPressInput {
  outTrackId: string;
  userId: string;
  buttonId: string;
}

export interface FakeCard {
  outTrackId: string;
  templateId: string;
  openSpaceId: string;
  /** The createAndDeliver body as sent. */
  created: Record<string, unknown>;
  /** Current variables (cardParamMap, plus streamed keys). */
  params: Record<string, string>;
  /** Every flowStatus the card went through, in order (creation included). */
  statuses: string[];
  /** Every streaming update, in order. */
  streams: Array<{ key: string; content: string; isFull: boolean; isFinalize: boolean; at: number }>;
}

export interface RobotMessageInput {
  text?: string;
  msgId?: string;
  msgtype?: string;
  group?: boolean;
  conversationId?: string;
  conversationTitle?: string;
  senderStaffId?: string;
  senderNick?: string;
  robotCode?: string;
  session?: string;
  /** sessionWebhookExpiredTime (ms); default now + 90 min. */
  expiresAt?: number;
  /** Extra/overriding raw fields (content, richText …). */
  extra?: Record<string, unknown>;
}

export class FakeDingTalk extends EventEmitter {
  url = '';
  readonly acks: RecordedAck[] = [];
  readonly pingReplies: unknown[] = [];
  readonly webhookPosts: RecordedWebhookPost[] = [];
  readonly openCalls: Array<Record<string, unknown>> = [];
  readonly tokenCalls: Array<Record<string, unknown>> = [];
  readonly apiSends: RecordedApiSend[] = [];
  /** Every WebSocket accepted, in order. */
  readonly sockets: WebSocket[] = [];
  tokenExpireIn = 7200;
  /** Answers to use for the next webhook posts (then the default {errcode:0}). */
  readonly webhookReplies: Reply[] = [];
  /** Answers to use for the next OpenAPI sends. */
  readonly apiReplies: Reply[] = [];
  /** Cards created through createAndDeliver, by outTrackId. */
  readonly cards = new Map<string, FakeCard>();
  /** Every card API call (also the failed ones), in order. */
  readonly cardCalls: Array<{ kind: CardCallKind; body: Record<string, unknown>; status: number; at: number }> = [];
  /** Card callback URLs by route key (the latest registration), and every registration call. */
  readonly cardRoutes = new Map<string, CardCallbackRegistration>();
  readonly cardRegistrations: CardCallbackRegistration[] = [];
  /** Return a reply to make that card call fail (it is then not applied). */
  cardFault: ((kind: CardCallKind, body: Record<string, unknown>) => Reply | undefined) | null = null;
  /** Files users "sent" (addFile), by downloadCode. */
  readonly files = new Map<string, Buffer>();
  /** Every file download API call (downloadCode asked for). */
  readonly fileDownloads: string[] = [];
  /** Fail this many gateway open calls with HTTP 500. */
  failGatewayCalls = 0;
  /** Refuse this many WebSocket upgrades (HTTP 401 during the handshake), even with a valid ticket. */
  rejectUpgrades = 0;
  /** Free-login auth codes not yet exchanged (issueAuthCode), and every exchange attempt. */
  readonly authCodes = new Map<string, { userid: string; name: string }>();
  readonly userInfoCalls: Array<{ code: string; token: string }> = [];

  private server!: http.Server;
  private wss!: WebSocketServer;
  private readonly tickets = new Set<string>();
  private readonly validTokens = new Set<string>();
  private tokenSeq = 0;
  private frameSeq = 0;
  private msgSeq = 0;

  get gatewayUrl(): string {
    return `${this.url}/v1.0/gateway/connections/open`;
  }

  get connections(): number {
    return this.sockets.length;
  }

  /** The newest accepted socket, if still open. */
  get socket(): WebSocket | undefined {
    const s = this.sockets[this.sockets.length - 1];
    return s && s.readyState === WebSocket.OPEN ? s : undefined;
  }

  webhookUrl(session: string): string {
    return `${this.url}/robot/sendBySession?session=${encodeURIComponent(session)}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const ticket = u.searchParams.get('ticket') ?? '';
      const refuse = this.rejectUpgrades > 0;
      if (refuse) this.rejectUpgrades -= 1;
      if (refuse || u.pathname !== '/connect' || !this.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private changed() {
    this.emit('change');
  }

  private onSocket(ws: WebSocket) {
    this.sockets.push(ws);
    const connection = this.sockets.length;
    ws.on('message', (raw) => {
      let frame: { code?: number; headers?: { messageId?: string; topic?: string }; data?: string };
      try {
        frame = JSON.parse(String(raw)) as typeof frame;
      } catch {
        return;
      }
      if (frame.headers?.topic === 'ping') this.pingReplies.push(frame);
      else if (frame.headers?.messageId) {
        let data: unknown = frame.data;
        try {
          data = JSON.parse(String(frame.data));
        } catch {
          /* keep raw */
        }
        this.acks.push({ frameId: frame.headers.messageId, data, at: performance.now(), connection });
      }
      this.changed();
    });
    ws.on('close', () => this.changed());
    this.changed();
  }

  private async onHttp(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(res, { status: 400, body: { code: 'InvalidJson', message: 'body is not JSON' } });
    }
    const u = new URL(req.url ?? '/', 'http://x');
    const at = performance.now();

    if (req.method === 'POST' && u.pathname === '/v1.0/gateway/connections/open') {
      this.openCalls.push(body);
      this.changed();
      if (this.failGatewayCalls > 0) {
        this.failGatewayCalls -= 1;
        return send(res, { status: 500, body: { code: 'ServiceUnavailable', message: 'try later' } });
      }
      if (body.clientId !== FAKE_CLIENT_ID || body.clientSecret !== FAKE_CLIENT_SECRET) {
        return send(res, { status: 401, body: { code: 'InvalidAuthentication', message: 'bad client' } });
      }
      const ticket = randomUUID();
      this.tickets.add(ticket);
      return send(res, { status: 200, body: { endpoint: `${this.url.replace('http', 'ws')}/connect`, ticket } });
    }

    if (req.method === 'POST' && u.pathname === '/robot/sendBySession') {
      this.webhookPosts.push({
        session: u.searchParams.get('session') ?? '',
        body: body as RecordedWebhookPost['body'],
        at,
      });
      this.changed();
      return send(res, this.webhookReplies.shift() ?? { status: 200, body: { errcode: 0, errmsg: 'ok' } });
    }

    if (req.method === 'POST' && u.pathname === '/v1.0/oauth2/accessToken') {
      this.tokenCalls.push(body);
      this.changed();
      if (body.appKey !== FAKE_CLIENT_ID || body.appSecret !== FAKE_CLIENT_SECRET) {
        return send(res, {
          status: 400,
          body: { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' },
        });
      }
      this.tokenSeq += 1;
      const token = `fake-token-${this.tokenSeq}`;
      this.validTokens.add(token);
      return send(res, { status: 200, body: { accessToken: token, expireIn: this.tokenExpireIn } });
    }

    if (
      req.method === 'POST' &&
      (u.pathname === '/v1.0/robot/groupMessages/send' || u.pathname === '/v1.0/robot/oToMessages/batchSend')
    ) {
      const token = String(req.headers['x-acs-dingtalk-access-token'] ?? '');
      if (!this.validTokens.has(token)) {
        return send(res, { status: 401, body: { code: 'InvalidAuthentication', message: '不合法的access_token' } });
      }
      const b = body as unknown as RecordedApiSend['body'];
      const target = u.pathname.endsWith('groupMessages/send') ? b.openConversationId : b.userIds?.length;
      if (!b.robotCode || !target || !b.msgKey || typeof b.msgParam !== 'string') {
        return send(res, {
          status: 400,
          body: { code: 'MissingParameter', message: 'robotCode/target/msgKey/msgParam required' },
        });
      }
      if (Buffer.byteLength(b.msgParam) > 15_000) {
        return send(res, { status: 400, body: { code: 'invalidParameter.msgParam', message: 'msgParam too long' } });
      }
      this.apiSends.push({ path: u.pathname, token, body: b, at });
      this.changed();
      return send(
        res,
        this.apiReplies.shift() ?? { status: 200, body: { processQueryKey: `pqk-${this.apiSends.length}` } },
      );
    }

    if (req.method === 'POST' && u.pathname === '/v1.0/robot/messageFiles/download') {
      const token = String(req.headers['x-acs-dingtalk-access-token'] ?? '');
      if (!this.validTokens.has(token))
        return send(res, { status: 401, body: { code: 'InvalidAuthentication', message: '不合法的access_token' } });
      const code = String(body.downloadCode ?? '');
      this.fileDownloads.push(code);
      this.changed();
      if (body.robotCode !== FAKE_ROBOT_CODE || !this.files.has(code)) {
        return send(res, {
          status: 400,
          body: { code: 'invalidParameter.downloadCode', message: 'downloadCode 无效' },
        });
      }
      return send(res, { status: 200, body: { downloadUrl: `${this.url}/files/${encodeURIComponent(code)}` } });
    }
    if (req.method === 'GET' && u.pathname.startsWith('/files/')) {
      const bytes = this.files.get(decodeURIComponent(u.pathname.slice('/files/'.length)));
      if (!bytes) return send(res, { status: 404, body: { code: 'NotFound', message: 'no such file' } });
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
      res.end(bytes);
      return;
    }

    const cardKind: CardCallKind | null =
      req.method === 'POST' && u.pathname === '/v1.0/card/instances/createAndDeliver'
        ? 'create'
        : req.method === 'PUT' && u.pathname === '/v1.0/card/streaming'
          ? 'stream'
          : req.method === 'PUT' && u.pathname === '/v1.0/card/instances'
            ? 'update'
            : req.method === 'POST' && u.pathname === '/v1.0/card/callbacks/register'
              ? 'register'
              : null;
    if (cardKind) {
      const token = String(req.headers['x-acs-dingtalk-access-token'] ?? '');
      if (!this.validTokens.has(token)) {
        return send(res, { status: 401, body: { code: 'InvalidAuthentication', message: '不合法的access_token' } });
      }
      const reply = this.cardCall(cardKind, body);
      this.cardCalls.push({ kind: cardKind, body, status: reply.status, at });
      this.changed();
      return send(res, reply);
    }

    if (req.method === 'POST' && u.pathname === '/topapi/v2/user/getuserinfo') {
      const token = u.searchParams.get('access_token') ?? '';
      const code = typeof body.code === 'string' ? body.code : '';
      this.userInfoCalls.push({ code, token });
      this.changed();
      if (!this.validTokens.has(token))
        return send(res, { status: 200, body: { errcode: 88, errmsg: '不合法的access_token' } });
      const user = this.authCodes.get(code);
      if (!user) return send(res, { status: 200, body: { errcode: 40078, errmsg: '不存在的临时授权码' } });
      this.authCodes.delete(code);
      return send(res, {
        status: 200,
        body: {
          errcode: 0,
          errmsg: 'ok',
          result: { userid: user.userid, name: user.name, sys: false, sys_level: 0, unionid: `union-${user.userid}` },
        },
      });
    }

    return send(res, { status: 404, body: { code: 'NotFound', message: u.pathname } });
  }

  private cardCall(kind: CardCallKind, body: Record<string, unknown>): Reply {
    const fault = this.cardFault?.(kind, body);
    if (fault) return fault;
    if (kind === 'register') {
      const { callbackRouteKey, callbackUrl, apiSecret } = body;
      if (typeof callbackRouteKey !== 'string' || !callbackRouteKey || typeof callbackUrl !== 'string') {
        return { status: 400, body: { code: 'param.invalid', message: 'callbackRouteKey/callbackUrl required' } };
      }
      if (this.cardRoutes.has(callbackRouteKey) && body.forceUpdate !== true) {
        return { status: 400, body: { code: 'callback.exists', message: 'route key registered; use forceUpdate' } };
      }
      const reg: CardCallbackRegistration = {
        routeKey: callbackRouteKey,
        url: callbackUrl,
        apiSecret: typeof apiSecret === 'string' ? apiSecret : '',
        forceUpdate: body.forceUpdate === true,
      };
      this.cardRoutes.set(callbackRouteKey, reg);
      this.cardRegistrations.push(reg);
      return { status: 200, body: { success: true, result: true } };
    }
    const outTrackId = typeof body.outTrackId === 'string' ? body.outTrackId : '';
    const paramMap = ((body.cardData as { cardParamMap?: Record<string, unknown> } | undefined)?.cardParamMap ??
      {}) as Record<string, unknown>;
    const strings = (m: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)]));
    if (kind === 'create') {
      const openSpaceId = typeof body.openSpaceId === 'string' ? body.openSpaceId : '';
      if (
        !outTrackId ||
        typeof body.cardTemplateId !== 'string' ||
        !/^dtv1\.card\/\/IM_(GROUP|ROBOT)\.\S+$/.test(openSpaceId)
      ) {
        return {
          status: 400,
          body: { code: 'param.invalid', message: 'cardTemplateId/outTrackId/openSpaceId required' },
        };
      }
      if (this.cards.has(outTrackId))
        return { status: 400, body: { code: 'card.exists', message: 'outTrackId already used' } };
      if (body.callbackType === 'HTTP' && typeof body.callbackRouteKey !== 'string') {
        return { status: 400, body: { code: 'param.invalid', message: 'callbackType HTTP needs callbackRouteKey' } };
      }
      const params = strings(paramMap);
      this.cards.set(outTrackId, {
        outTrackId,
        templateId: body.cardTemplateId,
        openSpaceId,
        created: body,
        params,
        statuses: params.flowStatus ? [params.flowStatus] : [],
        streams: [],
      });
      return {
        status: 200,
        body: { success: true, result: { outTrackId, deliverResults: [{ spaceId: openSpaceId, success: true }] } },
      };
    }
    const card = this.cards.get(outTrackId);
    if (!card) return { status: 404, body: { code: 'card.notFound', message: `no card ${outTrackId}` } };
    if (kind === 'stream') {
      if (typeof body.key !== 'string' || typeof body.content !== 'string' || typeof body.guid !== 'string') {
        return { status: 400, body: { code: 'param.invalid', message: 'key/content/guid required' } };
      }
      card.params[body.key] = body.isFull === false ? (card.params[body.key] ?? '') + body.content : body.content;
      card.streams.push({
        key: body.key,
        content: body.content,
        isFull: body.isFull !== false,
        isFinalize: body.isFinalize === true,
        at: performance.now(),
      });
      return { status: 200, body: { success: true } };
    }
    const updates = strings(paramMap);
    Object.assign(card.params, updates);
    if (updates.flowStatus) card.statuses.push(updates.flowStatus);
    return { status: 200, body: { success: true } };
  }

  /** A file a user sends to the robot: returns its downloadCode (use in a msgtype "file" message). */
  addFile(bytes: Buffer | string): string {
    const code = `dl-${randomUUID()}`;
    this.files.set(code, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'));
    return code;
  }

  /** A msgtype "file" robot message for a file added with addFile(). */
  fileMessage(downloadCode: string, fileName: string, input: RobotMessageInput = {}): Record<string, unknown> {
    return this.robotMessage({
      ...input,
      msgtype: 'file',
      extra: { content: { downloadCode, fileName, fileId: `fid-${downloadCode}`, spaceId: '123' }, ...input.extra },
    });
  }

  /** A one-time free-login code for this user (what dd.runtime.permission.requestAuthCode returns inside DingTalk). */
  issueAuthCode(userid: string, name: string): string {
    const code = `authcode-${randomUUID()}`;
    this.authCodes.set(code, { userid, name });
    return code;
  }

  /** Make every issued token invalid (the next send gets a 401). */
  revokeTokens() {
    this.validTokens.clear();
  }

  /** A robot message (the CALLBACK `data`, parsed) whose sessionWebhook points at this fake. */
  robotMessage(input: RobotMessageInput = {}): Record<string, unknown> {
    this.msgSeq += 1;
    const group = input.group ?? true;
    const now = Date.now();
    const msgtype = input.msgtype ?? 'text';
    const msg: Record<string, unknown> = {
      conversationId: input.conversationId ?? (group ? 'cidGroupA==' : 'cidSingle1=='),
      chatbotCorpId: 'dingcorp',
      chatbotUserId: '$:LWCP_v1:$bot',
      msgId: input.msgId ?? `msg${this.msgSeq}-${randomUUID()}`,
      senderNick: input.senderNick ?? '张三',
      isAdmin: true,
      senderStaffId: input.senderStaffId ?? 'user123',
      sessionWebhookExpiredTime: input.expiresAt ?? now + 90 * 60_000,
      createAt: now,
      senderCorpId: 'dingcorp',
      conversationType: group ? '2' : '1',
      senderId: '$:LWCP_v1:$sender',
      sessionWebhook: this.webhookUrl(input.session ?? `s-${this.msgSeq}`),
      robotCode: input.robotCode ?? FAKE_ROBOT_CODE,
      msgtype,
    };
    if (group) {
      msg.conversationTitle = input.conversationTitle ?? '联企小组-测试群';
      msg.isInAtList = true;
      msg.atUsers = [{ dingtalkId: '$:LWCP_v1:$bot' }];
    }
    if (msgtype === 'text') msg.text = { content: group ? ` ${input.text ?? '你好'}` : (input.text ?? '你好') };
    return { ...msg, ...input.extra };
  }

  /** Push a robot message as a CALLBACK frame. `frameId` re-uses a frame id (a redelivery). Returns the frame id. */
  push(data: Record<string, unknown> | string, opts: { frameId?: string; socket?: WebSocket } = {}): string {
    this.frameSeq += 1;
    const frameId = opts.frameId ?? `frame_${this.frameSeq}_${randomUUID().slice(0, 8)}`;
    this.sendFrame(
      {
        specVersion: '1.0',
        type: 'CALLBACK',
        headers: {
          appId: 'fake-app',
          connectionId: `conn-${this.connections}`,
          contentType: 'application/json',
          messageId: frameId,
          time: String(Date.now()),
          topic: TOPIC_ROBOT,
        },
        data: typeof data === 'string' ? data : JSON.stringify(data),
      },
      opts.socket,
    );
    return frameId;
  }

  /**
   * Push a card callback (a button press) as DingTalk does over the stream. `frameId` re-uses a frame id
   * (a redelivery). Returns the frame id; the bot's ack is recorded in `acks` like a robot message's.
   */
  pushCardCallback(press: CardPressInput, opts: { frameId?: string; socket?: WebSocket } = {}): string {
    this.frameSeq += 1;
    const frameId = opts.frameId ?? `cardcb_${this.frameSeq}_${randomUUID().slice(0, 8)}`;
    const data = cardCallbackData(press);
    this.sendFrame(
      {
        specVersion: '1.0',
        type: 'CALLBACK',
        headers: {
          appId: 'fake-app',
          contentType: 'application/json',
          messageId: frameId,
          time: String(Date.now()),
          topic: TOPIC_CARD,
        },
        data: JSON.stringify(data),
      },
      opts.socket,
    );
    return frameId;
  }

  /**
   * A press on a card created with callbackType HTTP: DingTalk POSTs the callback to the URL registered for the
   * card's callbackRouteKey, signed with the registered apiSecret (`opts` as postCallback: wrong secret, stale
   * timestamp …; `url` sends it to another replica, as a load balancer would).
   */
  async postCardCallback(
    press: CardPressInput,
    opts: CallbackPostOptions & { url?: string } = {},
  ): Promise<{ status: number; body: unknown }> {
    const card = this.cards.get(press.outTrackId);
    if (!card) throw new Error(`fake dingtalk: no card ${press.outTrackId}`);
    if (card.created.callbackType !== 'HTTP') throw new Error('fake dingtalk: card was not created for HTTP callbacks');
    const route = this.cardRoutes.get(String(card.created.callbackRouteKey));
    if (!route)
      throw new Error(`fake dingtalk: no callback URL registered for ${String(card.created.callbackRouteKey)}`);
    return postCallback(opts.url ?? route.url, cardCallbackData(press), { secret: route.apiSecret, ...opts });
  }

  /** The buttons of a card (its `sys_full_json_obj.msgButtons`), as a user sees them. */
  buttonsOf(outTrackId: string): Array<{ text: string; id: string }> {
    const raw = this.cards.get(outTrackId)?.params.sys_full_json_obj;
    if (!raw) return [];
    return ((JSON.parse(raw) as { msgButtons?: Array<{ text: string; id: string }> }).msgButtons ?? []).map((b) => ({
      text: b.text,
      id: b.id,
    }));
  }

  /** Send any frame (object → JSON, string as is) on the newest open socket. */
  sendFrame(frame: unknown, socket?: WebSocket) {
    const ws = socket ?? this.socket;
    if (!ws) throw new Error('fake dingtalk: no open stream connection');
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Send a `ping` system frame; resolves with the client's reply. */
  async ping(opaque: string = randomUUID()): Promise<{ headers: Record<string, string>; data: string }> {
    const before = this.pingReplies.length;
    this.sendFrame({
      specVersion: '1.0',
      type: 'SYSTEM',
      headers: {
        topic: 'ping',
        messageId: `ping_${opaque}`,
        contentType: 'application/json',
        time: String(Date.now()),
      },
      data: JSON.stringify({ opaque }),
    });
    await this.waitFor(() => this.pingReplies.length > before, 'ping reply');
    return this.pingReplies[before] as { headers: Record<string, string>; data: string };
  }

  /** Send a `disconnect` system frame on the current socket and drop it after dropAfterMs (DingTalk: ~10 s). */
  disconnect(reason = 'connection is expired', dropAfterMs = 10_000): WebSocket {
    const ws = this.socket;
    if (!ws) throw new Error('fake dingtalk: no open stream connection');
    this.sendFrame(
      {
        specVersion: '1.0',
        type: 'SYSTEM',
        headers: { topic: 'disconnect', contentType: 'application/json' },
        data: JSON.stringify({ reason }),
      },
      ws,
    );
    setTimeout(() => ws.terminate(), dropAfterMs).unref();
    return ws;
  }

  /** Stop reading the newest socket (a half-dead connection: no pongs, no acks read) without closing it. */
  freeze() {
    const ws = this.socket as (WebSocket & { _socket?: { pause(): void } }) | undefined;
    ws?._socket?.pause();
  }

  /** Drop the TCP connection without a word (network failure). */
  dropConnection() {
    this.socket?.terminate();
  }

  /** Resolve when `pred` holds (checked on every recorded event), or fail after timeoutMs. */
  waitFor(pred: () => boolean, what = 'condition', timeoutMs = 5_000): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('change', check);
        reject(new Error(`fake dingtalk: timed out waiting for ${what}`));
      }, bounded(timeoutMs));
      const check = () => {
        if (!pred()) return;
        clearTimeout(timer);
        this.off('change', check);
        resolve();
      };
      this.on('change', check);
    });
  }

  waitForAcks(n: number, timeoutMs?: number) {
    return this.waitFor(() => this.acks.length >= n, `${n} acks`, timeoutMs);
  }

  waitForWebhookPosts(n: number, timeoutMs?: number) {
    return this.waitFor(() => this.webhookPosts.length >= n, `${n} webhook posts`, timeoutMs);
  }

  waitForConnections(n: number, timeoutMs?: number) {
    return this.waitFor(() => this.connections >= n && this.socket !== undefined, `${n} connections`, timeoutMs);
  }

  ackedFrames(frameId: string): RecordedAck[] {
    return this.acks.filter((a) => a.frameId === frameId);
  }
}

/** What DingTalk sends for a button press (a stream frame's `data`, or the HTTP callback body). */
export function cardCallbackData(press: CardPressInput): Record<string, unknown> {
  return {
    outTrackId: press.outTrackId,
    corpId: 'dingcorp',
    userId: press.userId,
    type: 'actionCallback',
    spaceType: 'IM',
    userIdType: 1,
    content: JSON.stringify({ cardPrivateData: { actionIds: [press.buttonId], params: {} } }),
  };
}

function send(res: http.ServerResponse, reply: Reply) {
  const write = () => {
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json;charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  if (reply.delayMs) setTimeout(write, reply.delayMs);
  else write();
}

export interface CallbackPostOptions {
  /** Sign with this secret (default FAKE_CLIENT_SECRET, i.e. correctly). */
  secret?: string;
  /** The `timestamp` header (default now). */
  timestamp?: number | string;
  /** Override the computed `sign` header. */
  sign?: string;
  /** Leave these headers out. */
  omit?: Array<'timestamp' | 'sign'>;
  /** Raw body instead of JSON.stringify(data). */
  rawBody?: string;
}

/** DingTalk's HTTP-mode sign: base64(HMAC-SHA256(key = appSecret, timestamp + "\n" + appSecret)). */
export function signCallback(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** POST a robot message to the bot's HTTP callback endpoint the way DingTalk does. */
export async function postCallback(
  url: string,
  data: unknown,
  opts: CallbackPostOptions = {},
): Promise<{ status: number; body: unknown }> {
  const timestamp = String(opts.timestamp ?? Date.now());
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  if (!opts.omit?.includes('timestamp')) headers.timestamp = timestamp;
  if (!opts.omit?.includes('sign'))
    headers.sign = opts.sign ?? signCallback(timestamp, opts.secret ?? FAKE_CLIENT_SECRET);
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: opts.rawBody ?? JSON.stringify(data),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, body };
}

/** Poll a condition that no fake event signals (e.g. state inside the bot). */
export async function waitUntil(pred: () => boolean, what = 'condition', timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + bounded(timeoutMs);
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function startFakeDingTalk(): Promise<FakeDingTalk> {
  return new FakeDingTalk().start();
}

/** Settings that point the bot at the fake (merge with your own env). */
export function fakeDingTalkEnv(fake: FakeDingTalk): Record<string, string> {
  return {
    DINGTALK_CLIENT_ID: FAKE_CLIENT_ID,
    DINGTALK_CLIENT_SECRET: FAKE_CLIENT_SECRET,
    DINGTALK_ROBOT_CODE: FAKE_ROBOT_CODE,
    DINGTALK_GATEWAY_URL: fake.gatewayUrl,
    DINGTALK_API_BASE: fake.url,
    DINGTALK_OAPI_BASE: fake.url,
  };
}

export interface DingTalkHarness {
  fake: FakeDingTalk;
  adapter: DingTalkAdapter;
  config: Config;
  stop(): Promise<void>;
}

export interface DingTalkHarnessOptions {
  /** The message sink — e.g. `(m) => bot.handle(m)` with the real services. */
  sink?: MessageSink;
  /** Build the sink from the final config (when the services need it). */
  makeSink?: (config: Config) => MessageSink | Promise<MessageSink>;
  /** Extra settings (ZCT_ADMINS, REDIS_URL …); the DingTalk ones point at the fake. */
  env?: Record<string, string>;
  logger?: Logger;
  /** Adapter options; a function is called after the sink was made (e.g. to pass the product's store). */
  adapter?: HarnessAdapterOptions | (() => HarnessAdapterOptions);
}

type HarnessAdapterOptions = Partial<Omit<DingTalkAdapterOptions, 'config' | 'sink' | 'logger'>>;

/** Start the fake, a config pointing at it, and a connected adapter. */
export async function startDingTalkHarness(opts: DingTalkHarnessOptions): Promise<DingTalkHarness> {
  const fake = await startFakeDingTalk();
  const config = parseConfig({
    ZCT_SCHEDULER: 'false',
    HEALTH_PORT: '0',
    DINGTALK_HTTP_HOST: '127.0.0.1',
    DINGTALK_HTTP_PORT: '0',
    ...opts.env,
    ...fakeDingTalkEnv(fake),
  });
  const sink = opts.sink ?? (await opts.makeSink?.(config));
  if (!sink) throw new Error('startDingTalkHarness: pass sink or makeSink');
  const extra = typeof opts.adapter === 'function' ? opts.adapter() : opts.adapter;
  const adapter = createDingTalkAdapter({
    config,
    logger: opts.logger ?? silentLogger,
    sink,
    ...extra,
    stream: {
      reconnectBaseMs: 20,
      reconnectMaxMs: 200,
      heartbeatMs: 0,
      openTimeoutMs: 2_000,
      drainMaxMs: 2_000,
      ...extra?.stream,
    },
    httpTimeoutMs: extra?.httpTimeoutMs ?? 2_000,
  });
  await adapter.start();
  await adapter.whenConnected(5_000);
  if (config.DINGTALK_MODE === 'stream') await fake.waitForConnections(1);
  return {
    fake,
    adapter,
    config,
    async stop() {
      await adapter.stop(2_000);
      await fake.close();
    },
  };
}
