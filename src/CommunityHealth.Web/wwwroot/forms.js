// The browser side of the shared form fields (Components/Shared/FieldBase.cs, FormScript).
//
// 1. The save guard. A number or date field whose text cannot be read keeps the previous value on the server (the field
//    shows 请输入数字 / the date format). So that this value is never saved silently, a click on the form's action button
//    (btn-primary, btn-success, btn-danger or [data-ch-save]) is stopped before Blazor sees it while such a field is in the
//    same card, and that field is focused. The check runs here, at the click, because the field's change event may still be
//    on its way to the server. The accepted forms are the server's (NumberField: decimal, NumberStyles.Number, invariant;
//    DateField.Formats).
// 2. After a refused save, the first field in error on the page is scrolled to the middle of the window and focused.

const actions = "button.btn-primary, button.btn-success, button.btn-danger, [data-ch-save]";

export function readsAsNumber(text) {
    let s = text.trim();
    if (s === "") return true;
    s = s.replace(/^[+-]|[+-]$/, "").replace(/(\d),(?=\d)/g, "$1");
    return /^(\d+\.?\d*|\.\d+)$/.test(s);
}

export function readsAsDate(text) {
    const s = text.trim();
    if (s === "") return true;
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) || /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s) || /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
    return d <= new Date(Date.UTC(2000, mo, 0)).getUTCDate() - (mo === 2 && !leap(y) ? 1 : 0);
}

function leap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }

function unreadable(input) {
    const kind = input.dataset.parse;
    return kind === "number" ? !readsAsNumber(input.value) : kind === "date" ? !readsAsDate(input.value) : false;
}

function show(el) {
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
}

function guard(e) {
    const button = e.target instanceof Element ? e.target.closest(actions) : null;
    if (!button || button.hasAttribute("data-ch-noguard")) return;
    const scope = button.closest(".ch-card") || button.closest("main") || document;
    const bad = [...scope.querySelectorAll("input[data-parse]")].find(unreadable);
    if (!bad) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    bad.dispatchEvent(new Event("change", { bubbles: true })); // make sure the field shows why
    show(bad);
}

let installed = false;

export function install() {
    if (installed) return;
    installed = true;
    window.addEventListener("click", guard, true); // capture on window: before Blazor's listener on the document
}

let pending = 0;

/** Called by every field the server has just refused; moves once, to the first of them in the page. */
export function focusFirstError() {
    if (pending) return;
    pending = requestAnimationFrame(() => {
        pending = 0;
        const first = document.querySelector("main .is-invalid, main [data-field-error], main [aria-invalid=true]");
        if (!first) return;
        const control = first.matches("input, select, textarea") ? first
            : first.querySelector("input, select, textarea")
            ?? first.closest("div:has(input, select, textarea)")?.querySelector("input, select, textarea");
        show(control ?? first);
    });
}

/**
 * A page has shown its data (TrackedPage): its search box gets the focus — the element marked data-autofocus, else a search
 * input, else the first text field — unless the user has already put the focus somewhere (the router focuses the h1).
 */
export function focusSearch() {
    const active = document.activeElement;
    if (active && active !== document.body && !active.matches("h1")) return;
    const visible = el => el.offsetParent !== null && !el.disabled && !el.readOnly;
    const main = document.querySelector("main");
    if (!main) return;
    const target = [...main.querySelectorAll("[data-autofocus]")].find(visible)
        ?? [...main.querySelectorAll("input[type=search]")].find(visible)
        ?? [...main.querySelectorAll("input:not([type]), input[type=text]")].find(visible);
    target?.focus();
}
