// GroupBuyBot playground: a client of the emulator's driver API (/driver/..., see docs/emulator.md) plus
// /playground/info and /playground/needs. Plain JS, no build step. Every text from the bot or members is
// inserted with textContent, never as HTML.
'use strict';

const TEXTS = {
  en: {
    title: 'GroupBuyBot playground', botTime: 'Bot time', fastForward: 'Fast-forward the bot’s clock',
    ahead: (days, hours) => `(${days ? `${days}d ` : ''}${hours}h ahead)`, groupTab: 'Group', privateTab: 'Private chats', needsTab: 'Need board',
    writeAs: 'Write as', addMember: '+ Member', makeAdmin: (n) => `Make ${n} admin`, removeAdmin: (n) => `${n}: not admin`,
    admin: 'admin', replyingTo: 'Replying to', cancelReply: 'Cancel reply', send: 'Send', messagePlaceholder: 'Write a message…',
    reply: 'Reply', edited: 'edited', members: (n) => `${n} members · the bot sees every message`,
    privateChats: 'Private chats with the bot', privateHint: 'Suppliers’ inboxes and members’ DMs appear here once they talk to the bot.',
    noPrivate: 'No private chats yet.', startPrivate: (n) => `Open a private chat with the bot as ${n}`,
    privateWith: (n) => `Private chat: ${n} ↔ bot`, needBoard: 'Need board',
    needsHint: 'What the bot has noticed people want in this chat, who, and why.',
    needsUnavailable: 'Need discovery is not available in this playground.',
    needsEmpty: 'Nothing noticed yet. Chat about something you would like to buy together.',
    status: { noticed: 'noticed', suggested: 'suggested', buy_opened: 'buy opened', dismissed: 'dismissed' },
    who: 'Who', why: 'Why', evidenceGone: (id) => `message #${id} (its text is no longer kept)`, newMemberName: 'Name of the new member:', tapNoAnswer: 'The bot did not answer the tap.', pay: 'Pay', payNoAnswer: 'The bot did not answer the checkout.', payRefused: (why) => `Payment refused: ${why}`, payOk: 'Paid.',
    examples: ['/newbuy Navel oranges | 60 | 3 | 2d', '+1', 'put me down for 2', '/buys', '/close', '/lang en', '/help'],
    exampleHint: 'Tip: reply to the list (Reply) with “+1” to sign up.', error: 'Error',
  },
  zh: {
    title: 'GroupBuyBot 体验场', botTime: '机器人时间', fastForward: '让机器人的时钟快进',
    ahead: (days, hours) => `（快进了 ${days ? `${days} 天 ` : ''}${hours} 小时）`, groupTab: '群聊', privateTab: '私聊', needsTab: '需求板',
    writeAs: '当前身份', addMember: '+ 成员', makeAdmin: (n) => `设 ${n} 为管理员`, removeAdmin: (n) => `取消 ${n} 管理员`,
    admin: '管理员', replyingTo: '回复', cancelReply: '取消回复', send: '发送', messagePlaceholder: '输入消息…',
    reply: '回复', edited: '已编辑', members: (n) => `${n} 位成员 · 机器人能看到所有消息`,
    privateChats: '与机器人的私聊', privateHint: '供应商收件箱和成员私聊，与机器人说过话后显示在这里。',
    noPrivate: '还没有私聊。', startPrivate: (n) => `以 ${n} 的身份私聊机器人`,
    privateWith: (n) => `私聊：${n} ↔ 机器人`, needBoard: '需求板',
    needsHint: '机器人在群里发现的需求：想要什么、谁想要、依据是什么。',
    needsUnavailable: '此演练场没有接入需求发现。',
    needsEmpty: '还没有发现需求。聊聊大家想一起买的东西吧。',
    status: { noticed: '已发现', suggested: '已建议', buy_opened: '已开团', dismissed: '已放弃' },
    who: '谁', why: '依据', evidenceGone: (id) => `消息 #${id}（原文已不保留）`, newMemberName: '新成员的名字：', tapNoAnswer: '机器人没有响应这次点击。', pay: '付款', payNoAnswer: '机器人没有响应付款确认。', payRefused: (why) => `付款被拒：${why}`, payOk: '已付款。',
    examples: ['/newbuy 赣南脐橙 | 60 | 3 | 2d', '+1', '我也要两份', '/buys', '/close', '/lang zh', '/help'],
    exampleHint: '提示：点消息的“回复”，回复接龙消息“+1”即可报名。', error: '出错了',
  },
};

const state = {
  lang: initialLanguage(),
  groupId: null,
  timeZone: 'Asia/Shanghai',
  users: [],            // from /driver/state
  chats: [],
  currentUserId: null,
  replyTo: null,        // {id, author, text}
  privateChatId: null,
  rendered: new Map(),  // "chat:message" -> {key, element}
};

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => { const v = TEXTS[state.lang][key]; return typeof v === 'function' ? v(...args) : v; };

function initialLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  const saved = localStorage.getItem('playground-lang');
  if (saved === 'zh' || saved === 'en') return saved;
  return (navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// ---- driver API ---------------------------------------------------------------------------------------

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error || `${response.status}`);
  return json;
}

// ---- language -----------------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  document.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
  $('lang-toggle').textContent = state.lang === 'zh' ? 'EN' : '中文';
  renderExamples();
  // Language-dependent parts of rendered messages ("Reply", "edited") are redrawn.
  state.rendered.clear();
  $('group-messages').replaceChildren();
  $('private-messages').replaceChildren();
  refresh();
}

function renderExamples() {
  const box = $('examples');
  box.replaceChildren();
  for (const example of t('examples')) {
    const chip = el('button', 'chip example', example);
    chip.type = 'button';
    chip.onclick = () => { $('group-input').value = example; $('group-input').focus(); };
    box.append(chip);
  }
  box.append(el('span', 'muted small hint', t('exampleHint')));
}

// ---- rendering ----------------------------------------------------------------------------------------

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function userName(user) { return user ? [user.first_name, user.last_name].filter(Boolean).join(' ') : '?'; }

function formatTime(iso, withDate) {
  const options = { timeZone: state.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (withDate) Object.assign(options, { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
  return new Intl.DateTimeFormat(state.lang === 'zh' ? 'zh-CN' : 'en-GB', options).format(new Date(iso));
}

/** Draws a chat's messages, replacing only those that changed, so the live list updates in place. */
function renderMessages(list, chatId, messages, actAs) {
  const byId = new Map(messages.map((m) => [m.message_id, m]));
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  let appended = false;
  for (const message of messages) {
    const key = `${chatId}:${message.message_id}`;
    const version = `${message.edit_count}:${message.is_deleted}:${state.currentUserId}`;
    const known = state.rendered.get(key);
    if (known && known.version === version) continue;
    const item = renderMessage(message, byId, chatId, actAs);
    if (known) {
      known.element.replaceWith(item);
      if (known.editCount !== message.edit_count) flash(item);
    } else {
      list.append(item);
      appended = true;
    }
    state.rendered.set(key, { version, element: item, editCount: message.edit_count });
  }
  if (appended && nearBottom) list.scrollTop = list.scrollHeight;
}

// An invoice (sendInvoice) as its title, description and total; amounts come in the currency's smallest units.
function invoiceText(invoice) {
  if (!invoice) return null;
  let total;
  if (invoice.currency === 'XTR') {
    total = `${invoice.total_amount} ⭐`;
  } else {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: invoice.currency });
    total = format.format(invoice.total_amount / 10 ** format.resolvedOptions().maximumFractionDigits);
  }
  return `🧾 ${invoice.title}\n${invoice.description}\n${total}`;
}

function renderMessage(message, byId, chatId, actAs) {
  const item = el('li', 'msg');
  item.dataset.id = message.message_id;
  if (message.is_from_bot) item.classList.add('bot');
  else if (message.from && message.from.id === actAs()) item.classList.add('mine');
  if (message.service_event) item.classList.add('service');
  if (message.is_deleted) item.classList.add('deleted');

  const meta = el('div', 'meta');
  meta.append(el('span', 'author', (message.is_from_bot ? '🤖 ' : '') + userName(message.from)));
  meta.append(el('span', 'time', formatTime(message.date, false)));
  if (message.edit_count > 0) meta.append(el('span', 'edited', t('edited')));
  item.append(meta);

  if (message.reply_to_message_id) {
    const replied = byId.get(message.reply_to_message_id);
    const quote = el('div', 'quote');
    quote.append(el('b', null, replied ? userName(replied.from) : `#${message.reply_to_message_id}`));
    quote.append(el('span', null, replied ? ' ' + firstLine(replied.text) : ''));
    item.append(quote);
  }

  item.append(el('div', 'text', message.text ?? invoiceText(message.invoice) ?? message.service_event ?? ''));

  if (message.buttons && message.buttons.length) {
    const keyboard = el('div', 'keyboard');
    for (const row of message.buttons) {
      const rowEl = el('div', 'keyboard-row');
      for (const button of row) {
        const b = el('button', 'inline-button', button.text);
        b.type = 'button';
        if (button.url) b.onclick = () => window.open(button.url, '_blank', 'noopener');
        else b.onclick = () => tap(chatId, message.message_id, button.callback_data, actAs());
        rowEl.append(b);
      }
      keyboard.append(rowEl);
    }
    item.append(keyboard);
  }

  if (message.invoice && !message.is_deleted) {
    // Paying as the member this chat is seen as: the emulator sends the bot the pre-checkout query, then the payment.
    const payButton = el('button', 'inline-button pay', `${t('pay')} ${invoiceText(message.invoice).split('\n').pop()}`);
    payButton.type = 'button';
    payButton.onclick = () => pay(chatId, message.message_id, actAs());
    item.append(payButton);
  }

  if (chatId === state.groupId && !message.is_deleted && !message.service_event) {
    const reply = el('button', 'reply-action', t('reply'));
    reply.type = 'button';
    reply.onclick = () => setReplyTo(message);
    item.append(reply);
  }
  return item;
}

function firstLine(text) { return (text || '').split('\n')[0].slice(0, 80); }

function flash(item) {
  item.classList.add('flash');
  setTimeout(() => item.classList.remove('flash'), 900);
}

function toast(text) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 2500);
}

// ---- members ------------------------------------------------------------------------------------------

function groupChat() { return state.chats.find((c) => c.id === state.groupId); }

function groupMembers() {
  const chat = groupChat();
  if (!chat) return [];
  return state.users
    .filter((u) => !u.is_bot && ['member', 'administrator', 'creator'].includes(chat.members[u.id]))
    .map((u) => ({ ...u, status: chat.members[u.id] }));
}

function renderMembers() {
  const members = groupMembers();
  // A member just added is selected once a round shows them (a round begun before the add would not, and would
  // otherwise fall back to the first member).
  if (state.selectWhenSeen && members.some((m) => m.id === state.selectWhenSeen)) {
    state.currentUserId = state.selectWhenSeen;
    state.selectWhenSeen = null;
  }
  if (!members.some((m) => m.id === state.currentUserId) && members.length) state.currentUserId = members[0].id;
  const chips = $('member-chips');
  const signature = JSON.stringify([members.map((m) => [m.id, m.status]), state.currentUserId, state.lang]);
  if (chips.dataset.signature === signature) return;
  chips.dataset.signature = signature;
  chips.replaceChildren();
  for (const member of members) {
    const chip = el('button', 'chip member', member.first_name);
    chip.type = 'button';
    chip.setAttribute('role', 'radio');
    chip.setAttribute('aria-checked', String(member.id === state.currentUserId));
    chip.dataset.member = member.first_name;
    if (member.status !== 'member') chip.append(el('span', 'badge', t('admin')));
    chip.onclick = () => { state.currentUserId = member.id; renderMembers(); redrawOwnership(); };
    chips.append(chip);
  }
  const current = members.find((m) => m.id === state.currentUserId);
  const toggle = $('toggle-admin');
  toggle.hidden = !current || current.status === 'creator';
  if (current) toggle.textContent = current.status === 'member' ? t('makeAdmin', current.first_name) : t('removeAdmin', current.first_name);
  $('start-private').textContent = current ? t('startPrivate', current.first_name) : '';
  $('group-subtitle').textContent = t('members', members.length);
}

/** "Mine" bubbles follow the selected member. */
function redrawOwnership() {
  renderMessages($('group-messages'), state.groupId, state.lastGroupMessages || [], () => state.currentUserId);
}

async function addMember() {
  const name = (prompt(t('newMemberName')) || '').trim();
  if (!name) return;
  const id = Math.max(0, ...state.users.filter((u) => !u.is_bot).map((u) => u.id)) + 1;
  await api('POST', '/driver/users', { id, first_name: name, username: name.toLowerCase().replace(/[^a-z0-9_]/g, '') || undefined });
  await api('POST', `/driver/chats/${state.groupId}/members`, { user_id: id, status: 'member' });
  state.selectWhenSeen = id;
  await refresh();
}

async function toggleAdmin() {
  const current = groupMembers().find((m) => m.id === state.currentUserId);
  if (!current) return;
  await api('POST', `/driver/chats/${state.groupId}/members`, { user_id: current.id, status: current.status === 'member' ? 'administrator' : 'member' });
  await refresh();
}

// ---- acting -------------------------------------------------------------------------------------------

function setReplyTo(message) {
  state.replyTo = message.message_id;
  $('reply-author').textContent = userName(message.from);
  $('reply-text').textContent = firstLine(message.text);
  $('reply-bar').hidden = false;
  $('group-input').focus();
}

function clearReply() { state.replyTo = null; $('reply-bar').hidden = true; }

async function sendToGroup(event) {
  event.preventDefault();
  const input = $('group-input');
  const text = input.value.trim();
  if (!text || !state.currentUserId) return;
  const body = { from_user_id: state.currentUserId, text };
  if (state.replyTo) body.reply_to_message_id = state.replyTo;
  input.value = '';
  clearReply();
  await act(() => api('POST', `/driver/chats/${state.groupId}/messages`, body));
}

async function sendToPrivate(event) {
  event.preventDefault();
  const input = $('private-input');
  const text = input.value.trim();
  if (!text || !state.privateChatId) return;
  input.value = '';
  await act(() => api('POST', `/driver/chats/${state.privateChatId}/messages`, { from_user_id: state.privateChatId, text }));
}

async function tap(chatId, messageId, callbackData, userId) {
  await act(async () => {
    const { callback_query_id: id } = await api('POST', `/driver/chats/${chatId}/messages/${messageId}/tap`, { user_id: userId, callback_data: callbackData });
    // The bot's answer is the small toast Telegram shows.
    for (let i = 0; i < 50; i++) {
      const answer = await api('GET', `/driver/callback-queries/${encodeURIComponent(id)}`);
      if (answer.answered) { if (answer.text) toast(answer.text); return; }
      await sleep(100);
    }
    toast(t('tapNoAnswer'));
  });
}

async function pay(chatId, messageId, userId) {
  await act(async () => {
    const { pre_checkout_query_id: id } = await api('POST', `/driver/chats/${chatId}/messages/${messageId}/pay`, { user_id: userId });
    for (let i = 0; i < 50; i++) {
      const answer = await api('GET', `/driver/pre-checkout-queries/${encodeURIComponent(id)}`);
      if (answer.answered) { toast(answer.ok ? t('payOk') : t('payRefused', answer.error_message)); return; }
      await sleep(100);
    }
    toast(t('payNoAnswer'));
  });
}

async function advance(seconds) {
  await act(() => api('POST', '/driver/time/advance', { seconds }));
}

async function startPrivate() {
  if (!state.currentUserId) return;
  await act(() => api('POST', `/driver/users/${state.currentUserId}/start`, {}));
  state.privateChatId = state.currentUserId;
  showPanel('private');
}

async function act(action) {
  try {
    await action();
  } catch (error) {
    toast(`${t('error')}: ${error.message}`);
  }
  await refresh();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- panels -------------------------------------------------------------------------------------------

function renderClock(clock) {
  $('clock-now').textContent = formatTime(clock.now, true);
  const ahead = Math.round(clock.ahead_seconds / 3600);
  $('clock-ahead').textContent = ahead > 0 ? t('ahead', Math.floor(ahead / 24), ahead % 24) : '';
}

function renderPrivateList() {
  const privates = state.chats.filter((c) => c.type === 'private');
  const list = $('private-list');
  const signature = JSON.stringify([privates.map((c) => [c.id, c.message_count]), state.privateChatId, state.lang]);
  if (list.dataset.signature === signature) return;
  list.dataset.signature = signature;
  list.replaceChildren();
  if (!privates.length) list.append(el('p', 'muted small', t('noPrivate')));
  for (const chat of privates) {
    const user = state.users.find((u) => u.id === chat.id);
    const item = el('button', 'chip private-chip', `${userName(user)} (${chat.message_count})`);
    item.type = 'button';
    item.setAttribute('aria-pressed', String(chat.id === state.privateChatId));
    item.onclick = () => { state.privateChatId = chat.id; refresh(); };
    list.append(item);
  }
}

async function refreshPrivateChat() {
  const box = $('private-chat');
  if (!state.privateChatId) { box.hidden = true; return; }
  box.hidden = false;
  const user = state.users.find((u) => u.id === state.privateChatId);
  $('private-chat-title').textContent = t('privateWith', userName(user));
  const list = $('private-messages');
  if (list.dataset.chat !== String(state.privateChatId)) {
    list.dataset.chat = String(state.privateChatId);
    list.replaceChildren();
    for (const key of [...state.rendered.keys()]) if (!key.startsWith(`${state.groupId}:`)) state.rendered.delete(key);
  }
  const messages = await api('GET', `/driver/chats/${state.privateChatId}/messages?include_deleted=false`);
  renderMessages(list, state.privateChatId, messages, () => state.privateChatId);
}

async function refreshNeeds() {
  const board = await api('GET', `/playground/needs?chatId=${state.groupId}`);
  const box = $('needs');
  const signature = JSON.stringify([board, state.lang]);
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  box.replaceChildren();
  if (!board.available) { box.append(el('p', 'notice', t('needsUnavailable'))); return; }
  if (!board.needs.length) { box.append(el('p', 'muted', t('needsEmpty'))); return; }
  for (const need of board.needs) {
    const card = el('article', 'need');
    const head = el('div', 'need-head');
    head.append(el('b', null, need.summary));
    head.append(el('span', `status status-${need.status}`, t('status')[need.status] || need.status));
    card.append(head);
    card.append(el('div', 'small', `${t('who')}: ${need.interested.map((m) => m.name).join(', ')}`));
    const why = el('ul', 'evidence');
    for (const evidence of need.evidence) why.append(el('li', null, evidence.text ? `“${evidence.text}”` : t('evidenceGone', evidence.message_id)));
    card.append(el('div', 'small muted', `${t('why')}:`), why);
    box.append(card);
  }
}

function showPanel(name) {
  document.querySelectorAll('.tabs-mobile button').forEach((b) => b.classList.toggle('active', b.dataset.panel === name));
  document.querySelectorAll('main .panel').forEach((p) => p.classList.toggle('shown', p.dataset.panel === name));
}

// ---- polling ------------------------------------------------------------------------------------------

let refreshing = null;
let queued = null;

/**
 * A round of reading the emulator that starts after this call: with one in flight (begun before an action the caller
 * just took, so it may not show it), the next round follows it, shared by every caller meanwhile.
 */
function refresh() {
  if (!refreshing) {
    refreshing = refreshOnce().finally(() => { refreshing = null; });
    return refreshing;
  }
  queued ??= refreshing.then(() => { queued = null; return refresh(); });
  return queued;
}

async function refreshOnce() {
  try {
    const overview = await api('GET', '/driver/state');
    state.users = overview.users;
    state.chats = overview.chats;
    renderClock(await api('GET', '/playground/clock'));
    $('group-title').textContent = groupChat()?.title ?? '';
    renderMembers();

    state.lastGroupMessages = await api('GET', `/driver/chats/${state.groupId}/messages?include_deleted=false`);
    renderMessages($('group-messages'), state.groupId, state.lastGroupMessages, () => state.currentUserId);
    renderPrivateList();
    await refreshPrivateChat();
    await refreshNeeds();
  } catch (error) {
    console.warn('refresh failed', error);
  }
}

async function poll() {
  await refresh();
  setTimeout(poll, document.hidden ? 3000 : 700);
}

async function start() {
  const info = await api('GET', '/playground/info');
  state.groupId = info.group_chat_id;
  state.timeZone = info.time_zone;
  $('lang-toggle').onclick = () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('playground-lang', state.lang);
    applyLanguage();
  };
  document.querySelectorAll('[data-advance]').forEach((b) => { b.onclick = () => advance(Number(b.dataset.advance)); });
  document.querySelectorAll('.tabs-mobile button').forEach((b) => { b.onclick = () => showPanel(b.dataset.panel); });
  $('group-form').onsubmit = sendToGroup;
  $('private-form').onsubmit = sendToPrivate;
  $('reply-cancel').onclick = clearReply;
  $('add-member').onclick = () => act(addMember);
  $('toggle-admin').onclick = () => act(toggleAdmin);
  $('start-private').onclick = startPrivate;
  showPanel('group');
  applyLanguage();
  poll();
}

start();
