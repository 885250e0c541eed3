"""The browser half of a reflection question (:mod:`wakker.ui.questions`): one anywidget model per question.

A question used to be four to six ipywidgets models (a box, the question as HTML, the answer control, the
save status, sometimes a feedback line); each is a comm message and a view the page builds during Run All
(issue 11: 27 questions were 108 of the 274 models of notebook 07, and 0.08 MB of its 0.57 MB). Now it is
ONE model; its view builds the same DOM those widgets built (the same ipywidgets classes, so the same look,
keyboard use and tests), with the accessible names set here.

:data:`KIT` goes to the page once, inside the kit's front-end hook (``style.front_end``); each question's
own module is the small :data:`STUB`, which waits for it (a question's view may be made before the hook's
module ran). Python fills in the ``@@...@@`` texts (``style.esm_module``).
"""

KIT = r"""
// A reflection question (wakker.ui.questions): model state `kind` (text | scale | choice | multi | none),
// `head` (the question as HTML), `label` (its accessible name), `options` (labels; a scale's points),
// `ends` (a scale's two end labels), `placeholder`, `rows`, `problem` (HTML shown instead of the answer),
// and what changes: `text` (an open answer) or `chosen` (positions), `message` (feedback) and `status`.
const QUESTION = (() => {
  const el = (tag, cls, attrs) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  };
  const html = (cls, content) => {  // what an ipywidgets HTML widget builds
    const box = el('div', 'lm-Widget jupyter-widgets widget-inline-hbox widget-html' + (cls ? ' ' + cls : ''));
    const inner = el('div', 'widget-html-content');
    inner.innerHTML = content || '';
    box.appendChild(inner);
    return [box, inner];
  };
  // Arrow keys inside a question stay there (JupyterLab would move its cell selection): between the points of
  // a scale and between the tick boxes they move the focus; a group of radio buttons moves by itself.
  const arrows = (items, i) => (e) => {
    if (!e.key.startsWith('Arrow')) return;
    e.stopPropagation();
    if (!items) return;
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
    const next = items[i + step];
    if (next) { e.preventDefault(); next.focus(); }
  };
  let views = 0;
  function render({ model, el: root }) {
    try { ungate(model.widget_manager); } catch (e) { /* an unknown widget manager: leave it */ }
    const kind = model.get('kind'), label = model.get('label'), options = model.get('options') || [];
    const name = 'wakker-q-' + (++views) + '-' + Math.random().toString(36).slice(2, 8);
    root.replaceChildren();
    root.classList.add('jupyter-widgets', 'widget-container', 'widget-box', 'widget-vbox');  // as the VBox it replaces
    root.appendChild(html('', model.get('head'))[0]);
    let show = () => {};
    if (model.get('problem')) {
      root.appendChild(html('', model.get('problem'))[0]);
    } else if (kind === 'text') {
      const box = el('div', 'lm-Widget jupyter-widgets widget-inline-hbox widget-textarea', {style: 'width: 100%;'});
      // the question as its accessible name and as the tooltip on hover (the title the ipywidgets Textarea had)
      const area = el('textarea', 'widget-input', {rows: String(model.get('rows') || 5), 'aria-label': label, title: label});
      area.placeholder = model.get('placeholder') || '';
      area.value = model.get('text') || '';
      area.addEventListener('input', () => { model.set('text', area.value); model.save_changes(); });
      // stop JupyterLab's notebook shortcuts (a, b, d d, ...) while typing, as ipywidgets does
      area.addEventListener('keydown', (e) => e.stopPropagation());
      box.appendChild(area);
      root.appendChild(box);
      show = () => { const t = model.get('text') || ''; if (area.value !== t) area.value = t; };
    } else if (kind === 'scale') {
      const row = el('div', 'lm-Widget lm-Panel jupyter-widgets widget-container widget-box widget-hbox wakker-scale',
                     {style: 'align-items: center;'});
      const ends = model.get('ends') || ['', ''];
      const end = (text, margin) => {
        const [box, inner] = html('', '');
        box.style.margin = margin;
        const span = el('span', 'wakker-status', {style: '@@END_STYLE@@'});
        span.textContent = text;
        inner.appendChild(span);
        return box;
      };
      const group = el('div', 'lm-Widget widget-toggle-buttons', {role: 'group', 'aria-label': label});
      const inner = el('div');
      const buttons = options.map((text, i) => {
        const b = el('button', 'widget-toggle-button jupyter-button', {type: 'button', 'aria-pressed': 'false',
                                                                          style: 'width: 3em;'});
        b.textContent = text;
        b.addEventListener('click', () => { model.set('chosen', [i]); model.save_changes(); show(); });
        inner.appendChild(b);
        return b;
      });
      buttons.forEach((b, i) => b.addEventListener('keydown', arrows(buttons, i)));
      group.appendChild(inner);
      row.append(end(ends[0] || '', '0px 0.6em 0px 0px'), group, end(ends[1] || '', '0px 0px 0px 0.6em'));
      root.appendChild(row);
      show = () => {
        const chosen = model.get('chosen') || [];
        buttons.forEach((b, i) => {
          const on = chosen.includes(i);
          b.classList.toggle('mod-active', on);
          b.setAttribute('aria-pressed', on ? 'true' : 'false');
        });
      };
    } else if (kind === 'choice') {
      const box = el('div', 'lm-Widget widget-radio wakker-options', {style: 'width: auto;'});
      const group = el('div', 'widget-radio-box widget-radio-box-vertical', {role: 'radiogroup', 'aria-label': label});
      const inputs = options.map((text, i) => {
        const lab = el('label');
        lab.textContent = text;
        const input = el('input', '', {type: 'radio', name, value: String(i)});
        input.addEventListener('change', () => { if (input.checked) { model.set('chosen', [i]); model.save_changes(); } });
        input.addEventListener('keydown', arrows(null));  // the browser moves between the options itself
        lab.appendChild(input);
        group.appendChild(lab);
        return input;
      });
      box.appendChild(group);
      root.appendChild(box);
      show = () => { const chosen = model.get('chosen') || []; inputs.forEach((r, i) => { r.checked = chosen.includes(i); }); };
    } else if (kind === 'multi') {
      const box = el('div', 'lm-Widget lm-Panel jupyter-widgets widget-container widget-box widget-vbox wakker-options');
      const inputs = options.map((text) => {
        const row = el('div', 'lm-Widget jupyter-widgets widget-inline-hbox widget-checkbox', {style: 'width: auto;'});
        const lab = el('label', 'widget-label-basic');
        const input = el('input', '', {type: 'checkbox'});
        const span = el('span', '', {title: text});
        span.textContent = text;
        input.addEventListener('change', () => {
          model.set('chosen', inputs.map((c, j) => (c.checked ? j : -1)).filter((j) => j >= 0));
          model.save_changes();
        });
        lab.append(input, span);
        row.appendChild(lab);
        box.appendChild(row);
        return input;
      });
      inputs.forEach((c, i) => c.addEventListener('keydown', arrows(inputs, i)));
      root.appendChild(box);
      show = () => { const chosen = model.get('chosen') || []; inputs.forEach((c, i) => { c.checked = chosen.includes(i); }); };
    }
    const [messageBox, message] = html('wakker-message-line', '');
    const [liveBox, live] = html('wakker-live', '');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(messageBox, liveBox);
    const showMessage = () => {
      const m = model.get('message') || '';
      if (message.innerHTML !== m) message.innerHTML = m;
      messageBox.style.display = m ? '' : 'none';
    };
    // no status in the model: nothing saved yet (the first message leaves that status out)
    const showStatus = () => { const s = model.get('status') ?? '@@EMPTY_STATUS@@'; if (live.innerHTML !== s) live.innerHTML = s; };
    show(); showMessage(); showStatus();
    model.on('change:text', show);
    model.on('change:chosen', show);
    model.on('change:message', showMessage);
    model.on('change:status', showStatus);
    return () => {
      model.off('change:text', show);
      model.off('change:chosen', show);
      model.off('change:message', showMessage);
      model.off('change:status', showStatus);
    };
  }
  return { render };
})();
window.__wakkerQuestionKit = QUESTION;
if (window.__wakkerQuestionKitOk) window.__wakkerQuestionKitOk(QUESTION);
"""

#: Each question's own module (anywidget sends a model's module with the model): the code above comes
#: once per page, with the kit's front-end hook, instead of with each of the 20-27 questions of a lesson.
STUB = r"""
// Written small: every question sends it (27 in notebook 07). After 20 s without the kit's code, a Dutch line
// in the question's place says so.
// (window.__wakkerQuestionKit: the kit; ...P: the promise of it; ...Ok: what the kit calls when it arrives)
const W = window, N = '__wakkerQuestionKit';
const kit = () => W[N] ? Promise.resolve(W[N]) : W[N + 'P'] || (W[N + 'P'] = new Promise((ok) => { W[N + 'Ok'] = ok; }));
export default {async render(c) {
  const t = setTimeout(() => { c.el.innerHTML = '<div class="wakker-fout" style="@@ERROR_STYLE@@">⚠ @@LATE@@</div>'; }, 2e4);
  const k = await kit(); clearTimeout(t); return k.render(c);
}};
"""
