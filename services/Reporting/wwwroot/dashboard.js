// The live dashboard: reads ?org=&year=, gets a bearer token (#token=… in development, else an OIDC authorization
// code + PKCE sign-in against the authority the service names), then follows GET …/years/{year}:watch, a stream of
// server-sent events read with fetch() so that the token travels in the Authorization header, and redraws the figures
// and the monthly charts (GET …/years/{year}:monthly) on every snapshot. No build step, no libraries.
"use strict";

const TOKEN_KEY = "fazhi.dashboard.token";
const SIGN_IN_KEY = "fazhi.dashboard.signIn";

// What each section shows: [metric key, label, unit, kind]; kind "rate" is a fraction shown as a percentage,
// "warn" a figure that should stay at zero (overdue).
const SECTIONS = [
  {
    key: "reconsideration", title: "行政复议",
    chart: { metric: "reconsideration.received", title: "每月新收行政复议案件（件）" },
    figures: [
      ["reconsideration.received", "新收案件", "件"],
      ["reconsideration.accepted", "受理", "件"],
      ["reconsideration.decided", "审结", "件"],
      ["reconsideration.direct_correction_rate", "直接纠错率", "", "rate"],
      ["reconsideration.comprehensive_correction_rate", "综合纠错率", "", "rate"],
      ["reconsideration.hearing_rate", "听证率", "", "rate"],
      ["reconsideration.pending", "在办", "件"],
      ["reconsideration.overdue", "超期未结", "件", "warn"],
    ],
  },
  {
    key: "litigation", title: "行政应诉",
    chart: { metric: "litigation.first_instance_received", title: "每月新收一审行政应诉案件（起）" },
    figures: [
      ["litigation.first_instance_received", "一审应诉案件", "起"],
      ["litigation.notices", "出庭通知", "起"],
      ["litigation.appearances", "负责人出庭", "起"],
      ["litigation.appearance_rate", "负责人出庭率", "", "rate"],
      ["litigation.first_instance_judgments", "一审判决", "起"],
      ["litigation.loss_rate", "一审败诉率", "", "rate"],
    ],
  },
  {
    key: "enforcement", title: "执法监督",
    chart: { metric: "enforcement.files_reviewed", title: "每月评查执法案卷（卷）" },
    figures: [
      ["enforcement.files_reviewed", "评查案卷", "卷"],
      ["enforcement.average_score", "平均得分", "分", "score"],
      ["enforcement.problems_found", "查摆问题", "条"],
      ["enforcement.problems_rectified", "已整改", "条"],
      ["enforcement.problems_overdue", "逾期未整改", "条", "warn"],
    ],
  },
  {
    key: "disclosure", title: "政府信息公开",
    chart: { metric: "disclosure.requests_received", title: "每月收到政府信息公开申请（件）" },
    figures: [
      ["disclosure.proactively_published", "主动公开", "条"],
      ["disclosure.requests_received", "收到申请", "件"],
      ["disclosure.requests_concluded", "办结申请", "件"],
      ["disclosure.requests_carried_out", "办理中", "件"],
    ],
  },
];

const $ = (id) => document.getElementById(id);
// The authority sends the browser back to the redirect URI "/" with only ?code=&state= (or ?error=&state= when the
// user or the authority refused the sign-in): the org and year asked for come back from the address saved in this
// tab before the sign-in left it.
const CALLBACK_PARAMS = ["code", "state", "error", "error_description"];

function pageParams() {
  const here = new URLSearchParams(location.search);
  const callback = here.get("code") || here.get("error");
  const saved = callback ? JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) || "null") : null;
  if (!saved) return here;
  const asked = new URLSearchParams(new URL(saved.returnTo, location.origin).search);
  for (const name of CALLBACK_PARAMS) if (here.get(name) !== null) asked.set(name, here.get(name));
  return asked;
}

// OAuth 2.0 error codes an authority sends back (RFC 6749 §4.1.2.1), as the person signing in should read them.
const SIGN_IN_ERRORS = {
  access_denied: "登录被拒绝：您取消了登录，或认证服务器未允许访问。",
  login_required: "需要重新登录。",
  consent_required: "认证服务器需要您同意授权后才能登录。",
  interaction_required: "认证服务器需要您完成登录操作。",
  temporarily_unavailable: "认证服务器暂时不可用，请稍后重新登录。",
  server_error: "认证服务器出错，请稍后重新登录。",
};

function signInRefused() {
  const error = params.get("error");
  const saved = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) || "null");
  sessionStorage.removeItem(SIGN_IN_KEY);
  // Back to the page's own address, so a reload does not replay the refusal.
  if (saved) history.replaceState(null, "", saved.returnTo);
  const known = SIGN_IN_ERRORS[error];
  return new Error(known ? known + "（" + error + "）" : "登录未完成（认证服务器返回 " + error + "），请重新登录。");
}

const params = pageParams();
const state = { org: params.get("org") || "", year: Number(params.get("year") || new Date().getFullYear()), config: null, token: null, snapshots: 0 };

function showMessage(text, offerSignIn) {
  $("message-text").textContent = text;
  $("message").hidden = false;
  $("sign-in").hidden = !offerSignIn;
}

function hideMessage() {
  $("message").hidden = true;
}

function setLive(mode, text) {
  $("live").dataset.state = mode;
  $("live-text").textContent = text;
}

// ---------------------------------------------------------------------------------------------- sign-in

function base64Url(bytes) {
  let text = "";
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText(length) {
  return base64Url(crypto.getRandomValues(new Uint8Array(length)));
}

async function discovery(authority) {
  const response = await fetch(authority + "/.well-known/openid-configuration");
  if (!response.ok) throw new Error("认证服务器的配置读取失败（HTTP " + response.status + "）");
  return response.json();
}

// Authorization code + PKCE: the verifier stays in this tab's sessionStorage; the authority sees only its hash.
async function signIn() {
  const config = state.config;
  if (!config || !config.authority) return;
  if (!window.crypto || !crypto.subtle) {
    showMessage("登录需要安全连接（HTTPS 或本机地址），当前页面无法完成登录。", false);
    return;
  }
  const meta = await discovery(config.authority);
  const verifier = randomText(48);
  const challenge = base64Url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  const nonce = randomText(16);
  const redirectUri = location.origin + "/";
  sessionStorage.setItem(SIGN_IN_KEY, JSON.stringify({
    verifier, nonce, redirectUri, tokenEndpoint: meta.token_endpoint, returnTo: location.pathname + location.search,
  }));
  const query = new URLSearchParams({
    response_type: "code", client_id: config.clientId, redirect_uri: redirectUri, scope: config.scope,
    state: nonce, code_challenge: challenge, code_challenge_method: "S256",
  });
  location.assign(meta.authorization_endpoint + "?" + query);
}

async function completeSignIn() {
  const code = params.get("code");
  const returned = params.get("state");
  const saved = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) || "null");
  sessionStorage.removeItem(SIGN_IN_KEY);
  if (!saved || saved.nonce !== returned) throw new Error("登录回调无效（state 不匹配），请重新登录。");
  const response = await fetch(saved.tokenEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code", code, redirect_uri: saved.redirectUri, client_id: state.config.clientId, code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) throw new Error("换取访问令牌失败（HTTP " + response.status + "），请重新登录。");
  const tokens = await response.json();
  sessionStorage.setItem(TOKEN_KEY, tokens.access_token);
  history.replaceState(null, "", saved.returnTo);
  return tokens.access_token;
}

// The token, in order: #token=… (development, minted by tools/Fazhi.DevToken), a sign-in callback, this tab's stored one.
async function obtainToken() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("token")) {
    sessionStorage.setItem(TOKEN_KEY, hash.get("token"));
    // Out of the address bar, so it is not shared by copying the link or shown on a screenshot.
    history.replaceState(null, "", location.pathname + location.search);
    return hash.get("token");
  }
  if (params.get("error") && state.config.authority) throw signInRefused();
  if (params.get("code") && state.config.authority) return completeSignIn();
  return sessionStorage.getItem(TOKEN_KEY);
}

// ---------------------------------------------------------------------------------------------- figures

function formatCount(value) {
  return Number.isInteger(value) ? value.toLocaleString("zh-CN") : value.toLocaleString("zh-CN", { maximumFractionDigits: 1 });
}

function formatValue(value, kind) {
  if (kind === "rate") return (value * 100).toFixed(1) + "%";
  if (kind === "score") return value.toFixed(1);
  return formatCount(value);
}

function compareText(element, current, previous, kind) {
  element.textContent = "去年同期 " + formatValue(previous, kind);
  let change = null;
  if (kind === "rate") {
    const points = (current - previous) * 100;
    if (Math.abs(points) >= 0.05) change = [points > 0, Math.abs(points).toFixed(1) + "个百分点"];
  } else if (previous !== 0 && current !== previous) {
    change = [current > previous, (Math.abs(current - previous) / previous * 100).toFixed(1) + "%"];
  }
  if (change) {
    const span = document.createElement("span");
    span.className = change[0] ? "up" : "down";
    span.textContent = (change[0] ? " ↑" : " ↓") + change[1];
    element.append(span);
  }
}

function buildPage() {
  const main = $("figures");
  for (const section of SECTIONS) {
    const element = document.createElement("section");
    element.dataset.section = section.key;
    const title = document.createElement("h2");
    title.textContent = section.title;
    const cards = document.createElement("div");
    cards.className = "cards";
    for (const [metric, label, unit, kind] of section.figures) {
      const card = document.createElement("div");
      card.className = "card" + (kind === "warn" ? " warn" : "");
      card.dataset.metric = metric;
      card.dataset.kind = kind || "count";
      card.innerHTML = '<div class="label"></div><div class="value"><span class="number">—</span><span class="unit"></span></div><div class="compare"></div>';
      card.querySelector(".label").textContent = label;
      card.querySelector(".unit").textContent = unit;
      cards.append(card);
    }
    const chart = document.createElement("figure");
    chart.className = "chart";
    chart.dataset.chart = section.chart.metric;
    chart.innerHTML = '<figcaption><span class="title"></span><span class="legend"></span></figcaption><div class="plot"></div>';
    chart.querySelector(".title").textContent = section.chart.title;
    element.append(title, cards, chart);
    main.append(element);
  }
}

function render(snapshot) {
  $("org").textContent = snapshot.org;
  $("year").textContent = snapshot.year;
  $("as-of").textContent = snapshot.asOf;
  $("previous-as-of").textContent = snapshot.previousAsOf;
  $("updated").textContent = new Date().toLocaleTimeString("zh-CN", { hour12: false });
  for (const card of document.querySelectorAll(".card")) {
    const metric = card.dataset.metric;
    const kind = card.dataset.kind;
    const current = snapshot.metrics[metric] ?? 0;
    const previous = snapshot.previousPeriod[metric] ?? 0;
    const number = card.querySelector(".number");
    const text = formatValue(current, kind);
    if (number.textContent !== text && state.snapshots > 0) {
      card.classList.add("changed");
      setTimeout(() => card.classList.remove("changed"), 1500);
    }
    number.textContent = text;
    card.dataset.value = String(current);
    compareText(card.querySelector(".compare"), current, previous, kind);
  }
  state.snapshots++;
  document.body.dataset.snapshots = String(state.snapshots);
  $("figures").hidden = false;
}

// ---------------------------------------------------------------------------------------------- charts

const SVG = "http://www.w3.org/2000/svg";

function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

// Grouped bars: each month this year (up to the as-of month) beside the same month last year.
function drawChart(figure, series, year, lastMonth) {
  const width = 560, height = 170, left = 30, bottom = 22, top = 14;
  // Rounded up to an even number, so the middle grid line of a count is a whole number too.
  const max = Math.max(2, Math.ceil(Math.max(...series.current.slice(0, lastMonth), ...series.previous) / 2) * 2);
  const scale = (value) => (height - bottom - top) * value / max;
  const step = (width - left) / 12;
  const plot = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": figure.querySelector(".title").textContent });
  for (const fraction of [0, 0.5, 1]) {
    const y = height - bottom - (height - bottom - top) * fraction;
    plot.append(svg("line", { class: "grid", x1: left, x2: width, y1: y, y2: y }));
    plot.append(svg("text", { class: "axis", x: left - 6, y: y + 4, "text-anchor": "end" }, formatCount(Math.round(max * fraction * 10) / 10)));
  }
  for (let month = 0; month < 12; month++) {
    const x = left + month * step;
    const bar = step * 0.34;
    const previous = series.previous[month];
    const previousHeight = scale(previous);
    const p = svg("rect", { class: "bar-previous", x: x + step * 0.14, y: height - bottom - previousHeight, width: bar, height: previousHeight });
    p.append(svg("title", {}, `${year - 1}年${month + 1}月：${formatCount(previous)}`));
    plot.append(p);
    if (month < lastMonth) {
      const current = series.current[month];
      const currentHeight = scale(current);
      const c = svg("rect", { class: "bar-current", x: x + step * 0.14 + bar + 2, y: height - bottom - currentHeight, width: bar, height: currentHeight });
      c.append(svg("title", {}, `${year}年${month + 1}月：${formatCount(current)}`));
      plot.append(c);
      if (current > 0) {
        plot.append(svg("text", { class: "amount", x: x + step * 0.14 + bar * 1.5 + 2, y: height - bottom - currentHeight - 3, "text-anchor": "middle" }, formatCount(current)));
      }
    }
    plot.append(svg("text", { class: "axis", x: x + step / 2, y: height - 6, "text-anchor": "middle" }, `${month + 1}月`));
  }
  figure.querySelector(".legend").innerHTML = '<span class="current"><i></i></span><span class="previous"><i></i></span>';
  figure.querySelector(".legend .current").append(`${year}年`);
  figure.querySelector(".legend .previous").append(`${year - 1}年`);
  figure.querySelector(".plot").replaceChildren(plot);
}

let monthlyRunning = false;
let monthlyAgain = false;

// At most one request in flight; snapshots that arrive meanwhile ask for one more afterwards.
async function refreshCharts() {
  if (monthlyRunning) {
    monthlyAgain = true;
    return;
  }
  monthlyRunning = true;
  try {
    do {
      monthlyAgain = false;
      const query = new URLSearchParams();
      for (const section of SECTIONS) query.append("metrics", section.chart.metric);
      const response = await fetch(`/v1/reports/${encodeURIComponent(state.org)}/years/${state.year}:monthly?${query}`, {
        headers: { Authorization: "Bearer " + state.token },
      });
      if (!response.ok) return;
      const monthly = await response.json();
      const lastMonth = Number(monthly.asOf.slice(5, 7));
      for (const series of monthly.series) {
        const figure = document.querySelector(`.chart[data-chart="${series.metric}"]`);
        if (figure) drawChart(figure, series, monthly.year, lastMonth);
      }
    } while (monthlyAgain);
  } catch {
    // A failed request leaves the charts as they are; the next snapshot asks again.
  } finally {
    monthlyRunning = false;
  }
}

// ---------------------------------------------------------------------------------------------- the stream

async function refusal(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not a JSON error body
  }
  const detail = body && body.message ? "\n（" + body.message + "）" : "";
  const reason = body && body.details ? (body.details.find((d) => d.reason) || {}).reason : null;
  if (response.status === 401) {
    return "未登录或登录已过期（401）：请重新登录" + (state.config.authority ? "。" : "，或在地址末尾附上新的 #token=…（开发环境）。") + detail;
  }
  if (response.status === 403) {
    return (reason === "ORG_OUT_OF_SCOPE"
      ? "无权查看该单位的数据（403）：当前账号所属单位不包含 " + state.org + "。"
      : "无权查看统计数据（403）：当前账号的角色没有查看权限。") + detail;
  }
  if (response.status === 400) return "地址中的单位或年份有误（400）：请使用 ?org=单位代码&year=年份。" + detail;
  return "数据服务暂时不可用（HTTP " + response.status + "），稍后自动重试。" + detail;
}

// Server-sent events over fetch(): EventSource cannot send an Authorization header.
async function follow() {
  let delay = 1000;
  while (true) {
    setLive("connecting", "连接中…");
    let response;
    try {
      response = await fetch(`/v1/reports/${encodeURIComponent(state.org)}/years/${state.year}:watch`, {
        headers: { Authorization: "Bearer " + state.token, Accept: "text/event-stream" },
        cache: "no-store",
      });
    } catch {
      response = null;
    }
    if (response && [400, 401, 403].includes(response.status)) {
      setLive("refused", "未授权");
      showMessage(await refusal(response), response.status === 401 && !!state.config.authority);
      if (response.status === 401) sessionStorage.removeItem(TOKEN_KEY);
      return;
    }
    if (response && response.ok && response.body) {
      hideMessage();
      setLive("live", "实时");
      delay = 1000;
      try {
        await readEvents(response.body);
      } catch {
        // the connection broke: reconnect below
      }
    } else if (response) {
      showMessage(await refusal(response), false);
    }
    setLive("retrying", "已断开，" + Math.round(delay / 1000) + " 秒后重连");
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 15000);
  }
}

async function readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trimStart()).join("\n");
      if (data) {
        render(JSON.parse(data));
        refreshCharts();
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------- start

async function start() {
  $("sign-in").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    signIn().catch((error) => showMessage(error.message, true));
  });
  if (!/^[0-9]{2,6}[0-9A-Za-z]{0,12}$/.test(state.org) || !(state.year >= 1990)) {
    showMessage("请在地址中指定单位和年份，例如 /?org=410105&year=2023。", false);
    return;
  }
  $("org").textContent = state.org;
  $("year").textContent = String(state.year);
  buildPage();
  try {
    state.config = await (await fetch("/dashboard/config.json")).json();
    state.token = await obtainToken();
  } catch (error) {
    showMessage(error.message, true);
    return;
  }
  if (!state.token) {
    if (state.config.authority) {
      await signIn();
      return;
    }
    showMessage("未登录：开发环境请在地址末尾附上令牌 #token=…（用 tools/Fazhi.DevToken 生成，例如 --role statistics-viewer --org " + state.org + "）。", false);
    return;
  }
  follow();
}

start();
