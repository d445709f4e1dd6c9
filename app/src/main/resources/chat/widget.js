// Throughline web chat: embed with <script src="https://<platform>/m/chat/widget.js" data-write-key="wk_…">.
// The visitor keeps the anonymous id the brand's analytics.js gave her (or one of the widget's own), so her chat
// joins the same profile as her browsing, and her sign-in later joins both to her account.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var base = new URL(script.src).origin;
  var writeKey = script.getAttribute("data-write-key") || "";

  function anonymousId() {
    try {
      var segment = window.localStorage.getItem("ajs_anonymous_id");
      if (segment) { return JSON.parse(segment); }
    } catch (ignored) { /* not JSON: fall through to our own */ }
    var own = window.localStorage.getItem("tl_chat_anonymous_id");
    if (!own) {
      own = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID()
          : String(Date.now()) + Math.random().toString(16).slice(2);
      window.localStorage.setItem("tl_chat_anonymous_id", own);
    }
    return own;
  }

  var visitor = anonymousId();
  var token = null;

  var panel = document.createElement("section");
  panel.id = "tl-chat";
  panel.setAttribute("aria-label", "Chat");
  panel.style.cssText = "position:fixed;right:16px;bottom:16px;width:320px;max-height:420px;display:flex;"
      + "flex-direction:column;background:#fff;border:1px solid #ccc;border-radius:8px;font:14px sans-serif;"
      + "box-shadow:0 2px 12px rgba(0,0,0,.15);z-index:2147483000";
  var list = document.createElement("ul");
  list.id = "tl-chat-messages";
  list.setAttribute("aria-live", "polite");
  list.style.cssText = "list-style:none;margin:0;padding:8px;overflow-y:auto;flex:1;min-height:160px";
  var form = document.createElement("form");
  form.style.cssText = "display:flex;border-top:1px solid #eee";
  var input = document.createElement("input");
  input.id = "tl-chat-input";
  input.type = "text";
  input.maxLength = 4000;
  input.placeholder = "Write a message";
  input.setAttribute("aria-label", "Message");
  input.style.cssText = "flex:1;border:0;padding:10px";
  var send = document.createElement("button");
  send.id = "tl-chat-send";
  send.type = "submit";
  send.textContent = "Send";
  var status = document.createElement("p");
  status.id = "tl-chat-status";
  status.style.cssText = "margin:0;padding:0 8px;color:#a00;font-size:12px";
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(list);
  panel.appendChild(status);
  panel.appendChild(form);
  document.body.appendChild(panel);

  function render(lines) {
    list.textContent = "";
    lines.forEach(function (line) {
      var item = document.createElement("li");
      item.className = line.mine ? "tl-chat-mine" : "tl-chat-theirs";
      item.textContent = line.text;
      item.style.cssText = "margin:4px 0;padding:6px 8px;border-radius:6px;max-width:85%;"
          + (line.mine ? "margin-left:auto;background:#e8f0fe" : "background:#f1f1f1");
      list.appendChild(item);
    });
    list.scrollTop = list.scrollHeight;
  }

  function query() {
    return "key=" + encodeURIComponent(writeKey) + "&anonymousId=" + encodeURIComponent(visitor)
        + "&token=" + encodeURIComponent(token);
  }

  function refresh() {
    return fetch(base + "/m/chat/messages?" + query()).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(render);
  }

  function listen() {
    var events = new EventSource(base + "/m/chat/stream?" + query());
    events.addEventListener("ready", refresh);
    events.addEventListener("changed", refresh);
  }

  fetch(base + "/m/chat/session", {
    method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({writeKey: writeKey, anonymousId: visitor})
  }).then(function (response) {
    if (!response.ok) { throw new Error("The chat is not available"); }
    return response.json();
  }).then(function (session) {
    token = session.token;
    render(session.messages);
    panel.setAttribute("data-ready", "true");
    listen();
  }).catch(function (failed) { status.textContent = failed.message; });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || !token) { return; }
    var clientId = String(Date.now()) + "-" + Math.random().toString(16).slice(2);
    status.textContent = "";
    fetch(base + "/m/chat/messages", {
      method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({writeKey: writeKey, anonymousId: visitor, token: token, clientId: clientId, text: text})
    }).then(function (response) {
      if (!response.ok) { throw new Error("Not sent; try again"); }
      input.value = "";
      return refresh();
    }).catch(function (failed) { status.textContent = failed.message; });
  });
})();
