// The secretariat tab: signs in through Teams SSO (or, in local mode, not at all: the host signs in the development
// person), fetches /tab/api/boards and shows it as a table; choosing a board loads its overview (members, coming
// meetings with deadlines, agenda and apologies, the register with its filters and CSV). Text goes in with textContent only, never as HTML.
"use strict";
(function () {
  const signIn = document.body.dataset.signIn;
  const status = document.getElementById("status");
  const table = document.getElementById("boards");
  const overview = document.getElementById("overview");
  const longDate = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const paperWords = { awaited: "Awaited", submitted: "Submitted", late: "Late", none: "No paper" };
  const roleWords = { chair: "Chair", "vice-chair": "Vice-chair", secretariat: "Secretariat", member: "Member" };

  // A refusal the person can act on; its message is shown as it is.
  class Refusal extends Error {}

  // Teams themes are "default" (light), "dark" and "contrast"; the style sheet keys its colours on data-theme.
  function applyTheme(theme) {
    document.documentElement.dataset.theme = theme === "dark" || theme === "contrast" ? theme : "default";
  }

  function withTimeout(promise, milliseconds) {
    return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), milliseconds))]);
  }

  // Outside a frame (a browser tab in local mode) there is no Teams host to answer, so don't wait for one.
  async function initialiseTeams() {
    if (typeof microsoftTeams === "undefined" || (window.parent === window && !window.opener)) {
      return false;
    }
    await withTimeout(microsoftTeams.app.initialize(), 5000);
    const context = await microsoftTeams.app.getContext();
    applyTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    return true;
  }

  function say(text) {
    status.textContent = text;
    status.hidden = false;
  }

  function element(tag, text, properties) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) {
      made.textContent = text;
    }
    Object.assign(made, properties || {});
    return made;
  }

  function dateText(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    // "Friday 12 March 2027", as chat and the pack write dates (en-GB's formatter puts a comma after the weekday).
    return longDate.formatToParts(new Date(Date.UTC(year, month - 1, day))).map((p) => (p.type === "literal" ? " " : p.value)).join("").replace(/\s+/g, " ");
  }

  function rolesText(roles) {
    return roles.length > 0 ? roles.map((r) => roleWords[r] || r).join(", ") : "No role";
  }

  // Asked again before every call: Teams caches the token and renews it once it nears expiry. A POST (Retry,
  // Chase) carries JSON and the token header, never a cookie, so no other site can make the browser send one.
  async function get(path, accept, body) {
    const headers = { Accept: accept };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (signIn === "sso") {
      try {
        headers.Authorization = "Bearer " + (await microsoftTeams.authentication.getAuthToken());
      } catch {
        throw new Refusal("Teams could not sign you in to PartnershipBot. Ask your administrator to grant it access, then reopen the tab.");
      }
    }
    let response;
    try {
      const request = { headers: headers, credentials: "omit", cache: "no-store" };
      if (body !== undefined) {
        request.method = "POST";
        request.body = JSON.stringify(body);
      }
      response = await fetch(path, request);
    } catch {
      throw new Refusal("PartnershipBot could not be reached. Reopen the tab to try again.");
    }
    if (response.status === 401) {
      throw new Refusal("PartnershipBot did not accept your sign-in. Reopen the tab to try again.");
    }
    return response;
  }

  function boardPath(name, resource) {
    return "/tab/api/boards/" + encodeURIComponent(name) + "/" + resource;
  }

  // A table with a caption and column headers; the first cell of each row is its row header.
  function dataTable(caption, columns, rows) {
    const made = element("table", null, { className: "data" });
    made.createCaption().textContent = caption;
    const head = made.createTHead().insertRow();
    for (const column of columns) {
      head.appendChild(element("th", column, { scope: "col" }));
    }
    const body = made.createTBody();
    for (const cells of rows) {
      const row = body.insertRow();
      row.appendChild(element("th", cells[0], { scope: "row" }));
      for (const cell of cells.slice(1)) {
        row.insertCell().textContent = cell;
      }
    }
    return made;
  }

  function section(title) {
    const made = element("section");
    made.appendChild(element("h2", title, { tabIndex: -1 }));
    overview.appendChild(made);
    return made;
  }

  function membersSection(board) {
    const part = section("Members of the " + board.board);
    if (board.members.length === 0) {
      part.appendChild(element("p", "No one holds a role on this board yet. Its secretariat can add people in the board's Teams channel."));
      return part;
    }
    const rows = board.members.map((m) => [m.name || (board.seesDetails ? "Name not known" : "Name shown to the board's people only"), rolesText(m.roles)]);
    part.appendChild(dataTable("People holding a role on the board, chair first", ["Name", "Roles"], rows));
    return part;
  }

  function meetingPart(meeting) {
    const part = element("section", null, { className: "meeting" });
    const when = dateText(meeting.date);
    part.appendChild(element("h3", when + ", " + meeting.start + " to " + meeting.end + " (UK time)"));
    const facts = element("dl");
    const fact = (term, value) => {
      facts.appendChild(element("dt", term));
      facts.appendChild(element("dd", value));
    };
    fact("Venue", meeting.venue || "Online only");
    for (const deadline of meeting.deadlines) {
      const rule = deadline.fromTor ? deadline.rule : deadline.rule + "; the Terms of Reference set no deadline";
      fact(deadline.kind === "papers" ? "Papers due" : "Minutes due", dateText(deadline.date) + " (" + rule + ")");
    }
    part.appendChild(facts);
    if (meeting.agenda) {
      const rows = meeting.agenda.map((i) => [i.number + ". " + i.title, i.owner || "", i.financial ? "Yes" : "No", paperWords[i.paper] || i.paper]);
      part.appendChild(dataTable("Agenda for " + when, ["Item", "Paper from", "Financial decision", "Paper"], rows));
    }
    part.appendChild(element("h4", "Apologies"));
    if (meeting.apologies.length === 0) {
      part.appendChild(element("p", "No apologies received."));
    } else {
      const list = element("ul");
      for (const apology of meeting.apologies) {
        list.appendChild(element("li", apology.name || "Name not known"));
      }
      part.appendChild(list);
    }
    if (meeting.quorum) {
      const q = meeting.quorum;
      part.appendChild(element("p", "Quorum forecast: " + q.members + " voting members, quorum " + q.needed + "; " + q.apologies
        + (q.apologies === 1 ? " apology leaves " : " apologies leave ") + q.expected + " expected: "
        + (q.quorate ? "quorate." : "not quorate unless more attend.")));
    }
    return part;
  }

  function meetingsSection(board) {
    const part = section("Upcoming meetings");
    if (!board.seesDetails) {
      part.appendChild(element("p", "Meeting dates are shared with the board's people and in its own channel."));
    } else if (board.meetings.length === 0) {
      part.appendChild(element("p", "No meetings are scheduled. The chair or secretariat can say \u201cschedule next year's meetings\u201d in the board's channel."));
    }
    for (const meeting of board.seesDetails ? board.meetings : []) {
      part.appendChild(meetingPart(meeting));
    }
  }

  // In local mode the link downloads by itself; with SSO the request needs the token, so the script fetches the
  // file and hands the browser a copy.
  async function download(event, link) {
    if (signIn !== "sso") {
      return;
    }
    event.preventDefault();
    try {
      const response = await get(link.href, "text/csv");
      if (!response.ok) {
        say("PartnershipBot could not give you the register just now (" + response.status + ").");
        return;
      }
      // The host names the file (board and date); the link's own name is only the fallback.
      const named = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") || "");
      const copy = element("a", null, { href: URL.createObjectURL(await response.blob()), download: named ? named[1] : link.download });
      document.body.appendChild(copy);
      copy.click();
      copy.remove();
      setTimeout(() => URL.revokeObjectURL(copy.href), 10000);
    } catch (error) {
      say(error instanceof Refusal ? error.message : "PartnershipBot could not give you the register just now.");
    }
  }

  const interestWords = { pecuniary: "Pecuniary interest", "non-pecuniary": "Non-pecuniary interest", none: "No interest" };

  // A labelled control of the register's filter form; the label's for= names the control, so every control is announced.
  function field(form, label, control) {
    const wrap = element("div", null, { className: "field" });
    wrap.appendChild(element("label", label, { htmlFor: control.id }));
    wrap.appendChild(control);
    form.appendChild(wrap);
    return control;
  }

  function choice(id, anyText, options, chosen) {
    const made = element("select", null, { id: id });
    made.appendChild(element("option", anyText, { value: "" }));
    for (const [value, text] of options) {
      made.appendChild(element("option", text, { value: value, selected: value === chosen }));
    }
    return made;
  }

  // The filters as the host reads them (the same on the view and the CSV): empty ones are left out.
  function registerQuery(filter) {
    const query = new URLSearchParams();
    for (const key of ["person", "item", "from", "to"]) {
      if (filter[key]) {
        query.set(key, filter[key]);
      }
    }
    const text = query.toString();
    return text ? "?" + text : "";
  }

  // One load of the register under the filters: the table's rows, the count and the CSV link's filters.
  async function registerRows(board, filter, parts) {
    let response;
    try {
      response = await get(boardPath(board, "register") + registerQuery(filter), "application/json");
    } catch (error) {
      parts.count.textContent = error instanceof Refusal ? error.message : "PartnershipBot could not load the register just now.";
      return null;
    }
    if (response.status === 400) {
      // A filter the host cannot use (the reason says which): the rows shown stay as they were.
      parts.count.textContent = (await response.json()).detail;
      return null;
    }
    if (!response.ok) {
      parts.count.textContent = "PartnershipBot could not load the register just now (" + response.status + ").";
      return null;
    }
    const register = await response.json();
    const body = parts.table.tBodies[0];
    body.replaceChildren();
    for (const entry of register.entries) {
      const row = body.insertRow();
      row.appendChild(element("th", "#" + entry.entry, { scope: "row" }));
      const [date, time] = entry.declaredAt.split("T");
      row.insertCell().textContent = dateText(date) + " " + time;
      row.insertCell().textContent = entry.item;
      row.insertCell().textContent = entry.name || entry.personId;
      row.insertCell().textContent = interestWords[entry.interest] || entry.interest;
      row.insertCell().textContent = entry.nature || "";
    }
    parts.table.hidden = register.entries.length === 0;
    const filtered = registerQuery(register.filter) !== "";
    parts.count.textContent = register.total === 0
      ? "No declarations have been made for this board yet."
      : (filtered ? "Declarations matching the filters: " + register.matching + " of " + register.total + "." : "Declarations in the register: " + register.total + ".")
        + (register.entries.length < register.matching ? " The newest " + register.entries.length + " are shown; the CSV has them all." : "");
    parts.link.href = boardPath(board, "register.csv") + registerQuery(register.filter);
    return register;
  }

  async function registerSection(board) {
    if (!board.mayDownloadRegister) {
      return;
    }
    const part = section("Register of interests");
    part.appendChild(element("p", "Every declaration made for this board, with its place in the register's hash chain, as the declarations export gives it. Filter by person, item or the UK dates they were made on; the CSV holds the same declarations."));
    const form = element("form", null, { className: "filters", noValidate: true });
    form.setAttribute("aria-label", "Filter the register");
    part.appendChild(form);
    const count = element("p", null, { className: "count" });
    count.setAttribute("aria-live", "polite");
    part.appendChild(count);
    const table = dataTable("Declarations in the register, oldest first", ["Entry", "Declared (UK time)", "Item", "Member", "Interest", "Nature"], []);
    part.appendChild(table);
    const link = element("a", "Download the register (CSV)", { href: boardPath(board.board, "register.csv"), download: "register.csv" });
    link.addEventListener("click", (event) => download(event, link));
    part.appendChild(element("p")).appendChild(link);
    const parts = { count: count, table: table, link: link };

    const register = await registerRows(board.board, {}, parts);
    if (!register) {
      return;
    }
    const person = field(form, "Person", choice("register-person", "Everyone", register.people.map((p) => [p.id, p.name || p.id]), ""));
    const item = field(form, "Item", choice("register-item", "Every item", register.items.map((i) => [i, i]), ""));
    const from = field(form, "Made on or after", element("input", null, { id: "register-from", type: "date" }));
    const to = field(form, "Made on or before", element("input", null, { id: "register-to", type: "date" }));
    const buttons = element("div", null, { className: "field buttons" });
    buttons.appendChild(element("button", "Apply filters", { type: "submit", className: "action-button" }));
    const clear = element("button", "Clear filters", { type: "button", className: "action-button" });
    buttons.appendChild(clear);
    form.appendChild(buttons);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      registerRows(board.board, { person: person.value, item: item.value, from: from.value, to: to.value }, parts);
    });
    clear.addEventListener("click", () => {
      form.reset();
      registerRows(board.board, {}, parts);
    });
  }

  const kindWords = {
    papers: "Papers reminder", minutes: "Minutes reminder", agenda: "Agenda reminder", pack: "Agenda pack",
    declaration: "Declaration card", digest: "Digest of undelivered reminders", "more-time": "More-time notice",
  };
  const stateWords = {
    Sent: "Sent", SentLate: "Sent late", Blocked: "Blocked (bot removed)", NotFound: "Chat not found", NotReachable: "Not reachable",
    FailedAfterRetries: "Failed after retries", Failed: "Refused by Teams", Pending: "Waiting to send", Sending: "Sending",
    Retrying: "Queued to try again", Held: "Held", Withdrawn: "Withdrawn",
  };

  function reminderTitle(reminder) {
    const [date, time] = reminder.due.split("T");
    return (kindWords[reminder.kind] || reminder.kind) + ", due " + dateText(date) + " at " + time;
  }

  async function retry(board, recipient, button, cell) {
    button.disabled = true;
    let response;
    try {
      response = await get(boardPath(board, "deliveries/" + encodeURIComponent(recipient.id) + "/retry"), "application/json", { attempts: recipient.attempts });
    } catch (error) {
      say(error instanceof Refusal ? error.message : "PartnershipBot could not retry just now.");
      button.disabled = false;
      return;
    }
    if (!response.ok) {
      say("PartnershipBot could not retry the reminder to " + recipient.name + " (" + response.status + ").");
      button.disabled = false;
      return;
    }
    const result = await response.json();
    cell.textContent = stateWords[result.state] || result.state;
    say(result.requeued ? "Queued to send to " + recipient.name + " again." : "Already queued or tried again: nothing more was sent to " + recipient.name + ".");
  }

  // The host draws the chart; it is parsed as SVG (never as HTML) and only an <svg> root is put in the page.
  async function deliveryChart(board, part) {
    let response;
    try {
      response = await get(boardPath(board, "deliveries.svg"), "image/svg+xml");
    } catch {
      return;
    }
    if (!response.ok) {
      return;
    }
    const drawing = new DOMParser().parseFromString(await response.text(), "image/svg+xml").documentElement;
    if (drawing.namespaceURI === "http://www.w3.org/2000/svg" && drawing.localName === "svg") {
      const figure = element("figure", null, { className: "chart-figure" });
      figure.appendChild(document.importNode(drawing, true));
      figure.appendChild(element("figcaption", "The same numbers are in the table below."));
      part.appendChild(figure);
    }
  }

  // The chart's numbers as a table: one row per reminder, one column per state that occurs.
  function outcomesTable(deliveries) {
    const shown = deliveries.reminders.slice(0, 12);
    const states = deliveries.states.filter((state) => shown.some((r) => r.counts[state] !== undefined));
    const rows = shown.map((r) => [reminderTitle(r)].concat(states.map((state) => String(r.counts[state] || 0))));
    return dataTable("Delivery outcomes per reminder (recipients in each state)", ["Reminder"].concat(states.map((state) => stateWords[state] || state)), rows);
  }

  async function deliveriesSection(board) {
    if (!board.mayDownloadRegister) {
      return;
    }
    const part = section("Reminder delivery");
    let response;
    try {
      response = await get(boardPath(board.board, "deliveries"), "application/json");
    } catch (error) {
      part.appendChild(element("p", error instanceof Refusal ? error.message : "PartnershipBot could not load the reminders just now."));
      return;
    }
    if (!response.ok) {
      part.appendChild(element("p", "PartnershipBot could not load the reminders just now (" + response.status + ")."));
      return;
    }
    const deliveries = await response.json();
    if (deliveries.reminders.length === 0) {
      part.appendChild(element("p", "No reminders have been queued for this board yet."));
      return;
    }
    if (deliveries.truncated) {
      part.appendChild(element("p", "Showing the most recent reminders only."));
    }
    await deliveryChart(board.board, part);
    part.appendChild(outcomesTable(deliveries));
    for (const reminder of deliveries.reminders) {
      const title = reminderTitle(reminder);
      part.appendChild(element("h3", title));
      const made = dataTable("Who received the " + title, ["Recipient", "State", "Attempts", "Action"], []);
      const body = made.tBodies[0];
      for (const recipient of reminder.recipients) {
        const row = body.insertRow();
        row.appendChild(element("th", recipient.name, { scope: "row" }));
        const state = row.insertCell();
        state.textContent = stateWords[recipient.state] || recipient.state;
        row.insertCell().textContent = String(recipient.attempts);
        const action = row.insertCell();
        if (recipient.mayRetry) {
          const button = element("button", "Retry", { type: "button", className: "action-button" });
          button.setAttribute("aria-label", "Retry the " + (kindWords[reminder.kind] || reminder.kind).toLowerCase() + " to " + recipient.name);
          button.addEventListener("click", () => retry(board.board, recipient, button, state));
          action.appendChild(button);
        }
      }
      part.appendChild(made);
    }
  }

  const actionWords = {
    "board.link": "Conversation linked", "board.unlink": "Conversation unlinked", "role.assign": "Role given", "role.remove": "Role removed",
    "board.nation": "Nation set", "board.members": "Members imported", "terms.version": "Terms of Reference version added",
    "reminder.retry": "Reminder retried", "declarations.chase": "Declarations chased",
  };

  // One page of the audit log into the table; a full page offers the next (older) one.
  async function auditPage(board, body, more, before) {
    more.disabled = true;
    let response;
    try {
      response = await get(boardPath(board, "audit") + (before ? "?before=" + before : ""), "application/json");
    } catch (error) {
      say(error instanceof Refusal ? error.message : "PartnershipBot could not load the audit log just now.");
      more.disabled = false;
      return;
    }
    if (!response.ok) {
      say("PartnershipBot could not load the audit log just now (" + response.status + ").");
      more.disabled = false;
      return;
    }
    const page = await response.json();
    for (const entry of page.entries) {
      const row = body.insertRow();
      const [date, time] = entry.at.split("T");
      row.appendChild(element("th", dateText(date) + " " + time, { scope: "row" }));
      row.insertCell().textContent = entry.actor;
      row.insertCell().textContent = actionWords[entry.action] || entry.action;
      row.insertCell().textContent = entry.subject;
      row.insertCell().textContent = entry.detail || "";
    }
    more.hidden = page.next === null;
    more.disabled = false;
    more.onclick = () => auditPage(board, body, more, page.next);
    if (before) {
      say("Showing " + body.rows.length + " audit entries.");
    }
  }

  async function auditSection(board) {
    if (!board.mayDownloadRegister) {
      return;
    }
    const part = section("Audit log");
    part.appendChild(element("p", "Every change made to this board through PartnershipBot, newest first."));
    const made = dataTable("Changes to the " + board.board + ", newest first", ["When (UK time)", "Who", "What", "Subject", "Details"], []);
    part.appendChild(made);
    const more = element("button", "Show older entries", { type: "button", className: "action-button", hidden: true });
    part.appendChild(element("p")).appendChild(more);
    await auditPage(board.board, made.tBodies[0], more, null);
  }

  // A new id for each press of Chase: the host queues one card per member per id, so a repeat changes nothing.
  function pressId() {
    if (crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function chase(board, item, button) {
    button.disabled = true;
    let response;
    try {
      response = await get(boardPath(board, "declarations/" + encodeURIComponent(item.id) + "/chase"), "application/json", { pressId: pressId() });
    } catch (error) {
      say(error instanceof Refusal ? error.message : "PartnershipBot could not chase just now.");
      button.disabled = false;
      return;
    }
    if (!response.ok) {
      say("PartnershipBot could not chase the declarations for " + item.title + " (" + response.status + ").");
      button.disabled = false;
      return;
    }
    const result = await response.json();
    say(result.queued > 0
      ? "Sent the declaration card again to " + result.outstanding.join(", ") + "."
      : "Nobody to chase: everyone has declared on " + item.title + ".");
    button.disabled = false;
  }

  function declarationItem(board, item) {
    const part = element("section", null, { className: "meeting" });
    const heading = item.title + " (meeting on " + dateText(item.meetingDate) + ")";
    part.appendChild(element("h3", heading));
    const rows = [];
    for (const name of item.withdrawing) {
      rows.push([name.name, "Withdraws: " + (name.interest === "pecuniary" ? "pecuniary interest" : "non-pecuniary interest") + (name.nature ? " (" + name.nature + ")" : "")]);
    }
    for (const name of item.noInterest) {
      rows.push([name, "No interest"]);
    }
    for (const name of item.outstanding) {
      rows.push([name, "Outstanding: not declared yet"]);
    }
    if (rows.length > 0) {
      part.appendChild(dataTable("Declarations on " + item.title, ["Member", "Declaration"], rows));
    } else {
      part.appendChild(element("p", "No members are recorded for this board, so nobody has been asked to declare."));
    }
    part.appendChild(element("p", item.quorum
      ? "Quorum after recusals: " + item.quorum.arithmetic
      : item.quorumProblem));
    if (item.outstanding.length > 0) {
      const button = element("button", "Chase", { type: "button", className: "action-button" });
      button.setAttribute("aria-label", "Chase the " + item.outstanding.length + " outstanding on " + item.title);
      button.addEventListener("click", () => chase(board, item, button));
      part.appendChild(element("p")).appendChild(button);
    }
    return part;
  }

  async function declarationsSection(board) {
    if (!board.mayDownloadRegister) {
      return;
    }
    const part = section("Declarations of interest");
    let response;
    try {
      response = await get(boardPath(board.board, "declarations"), "application/json");
    } catch (error) {
      part.appendChild(element("p", error instanceof Refusal ? error.message : "PartnershipBot could not load the declarations just now."));
      return;
    }
    if (!response.ok) {
      part.appendChild(element("p", "PartnershipBot could not load the declarations just now (" + response.status + ")."));
      return;
    }
    const declarations = await response.json();
    if (declarations.items.length === 0) {
      part.appendChild(element("p", "No financial decisions are on the coming meetings' agendas."));
      return;
    }
    for (const item of declarations.items) {
      part.appendChild(declarationItem(board.board, item));
    }
  }

  async function openBoard(name, button) {
    for (const other of table.querySelectorAll("button[aria-current]")) {
      other.removeAttribute("aria-current");
    }
    button.setAttribute("aria-current", "true");
    say("Loading the " + name + "\u2026");
    let response;
    try {
      response = await get(boardPath(name, "overview"), "application/json");
    } catch (error) {
      say(error instanceof Refusal ? error.message : "PartnershipBot could not load the board just now.");
      return;
    }
    if (response.status === 403) {
      // 403 also answers a board that does not exist (so names never leak across tenants): say both.
      say("The " + name + " is not open to you: you hold no role on it, or PartnershipBot no longer knows it.");
      return;
    }
    if (!response.ok) {
      say("PartnershipBot could not load the " + name + " just now (" + response.status + "). Try again.");
      return;
    }
    const board = await response.json();
    overview.replaceChildren();
    membersSection(board);
    meetingsSection(board);
    await declarationsSection(board);
    await registerSection(board);
    await deliveriesSection(board);
    await auditSection(board);
    overview.hidden = false;
    say("Showing the " + board.board + ".");
    // Keyboard and screen-reader users land on what they asked for.
    overview.querySelector("h2").focus();
  }

  function show(boards) {
    const body = table.tBodies[0];
    body.replaceChildren();
    for (const board of boards) {
      const row = body.insertRow();
      const name = element("th", null, { scope: "row" });
      const button = element("button", board.name, { type: "button", className: "link-button" });
      button.setAttribute("aria-controls", "overview");
      button.addEventListener("click", () => openBoard(board.name, button));
      name.appendChild(button);
      row.appendChild(name);
      row.insertCell().textContent = rolesText(board.roles);
    }
    table.hidden = boards.length === 0;
    if (boards.length === 0) {
      say("You hold no role on any board. The board's secretariat can add you in its Teams channel.");
    } else {
      say((boards.length === 1 ? "1 board." : boards.length + " boards.") + " Choose one to see its members, meetings and agenda.");
    }
  }

  async function load() {
    let inTeams = false;
    try {
      inTeams = await initialiseTeams();
    } catch {
      inTeams = false;
    }

    if (signIn === "sso" && !inTeams) {
      say("Open this page from the PartnershipBot tab in Microsoft Teams: it signs you in with your work account.");
      return;
    }

    let response;
    try {
      response = await get("/tab/api/boards", "application/json");
    } catch (error) {
      say(error instanceof Refusal ? error.message : "PartnershipBot could not list your boards just now. Reopen the tab to try again.");
      return;
    }
    if (!response.ok) {
      say("PartnershipBot could not list your boards just now (" + response.status + "). Reopen the tab to try again.");
      return;
    }
    const boards = await response.json();
    show(boards);
    // A channel tab is saved as /tab?board=<its board> (see config.js): open that board straight away.
    const fixed = new URLSearchParams(window.location.search).get("board");
    const index = boards.findIndex((b) => b.name === fixed);
    if (index >= 0) {
      await openBoard(boards[index].name, table.tBodies[0].rows[index].querySelector("button"));
    }
  }

  load();
})();
