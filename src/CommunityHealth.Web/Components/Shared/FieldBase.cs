using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommunityHealth.Web.Components.Shared;

/// <summary>
/// What the shared form fields have in common: the label with its required marker, the field's message (the form's, or the
/// field's own when what was typed cannot be read), and a form message that disappears as soon as the field is changed — it
/// comes back only if the next save refuses the field again.
/// </summary>
public abstract class FieldBase : ComponentBase
{
    [Parameter] public string? Label { get; set; }
    [Parameter, EditorRequired] public string Field { get; set; } = "";
    [Parameter] public IReadOnlyDictionary<string, string[]>? Errors { get; set; }
    /// <summary>Marks the label with a red * and the input with <c>aria-required</c>; the rule itself stays the server's.</summary>
    [Parameter] public bool Required { get; set; }
    [Inject] protected IJSRuntime Js { get; set; } = default!;

    /// <summary>The form's messages the user has since answered by changing the field (the very array shown then).</summary>
    private string[]? answered;

    /// <summary>A message of the field itself: what was typed is not a number or a date.</summary>
    protected string? OwnError { get; set; }

    protected string Id => FieldIds.For(Field);

    /// <summary>The messages under the field: its own, else the form's unless answered.</summary>
    protected string[]? Messages =>
        OwnError is not null ? [OwnError]
        : Errors is not null && Errors.TryGetValue(Field, out var m) && !ReferenceEquals(m, answered) ? m : null;

    protected bool Invalid => Messages is not null;

    protected string Css => Invalid ? "form-control is-invalid" : "form-control";

    /// <summary>The user changed the field: the form's message for it is answered until the form shows a new one.</summary>
    protected void Answered() => answered = Errors is not null && Errors.TryGetValue(Field, out var m) ? m : null;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && UsesGuard) await FormScript.InstallAsync(Js);
    }

    /// <summary>Fields whose typed text the browser checks before a save (numbers, dates).</summary>
    protected virtual bool UsesGuard => false;
}

/// <summary>The element ids of form fields: <c>f-</c> and the field's path with dots and brackets as dashes (<c>f-pastIllnesses-0-code</c>).</summary>
public static class FieldIds
{
    public static string For(string field) => "f-" + field.Replace('.', '-').Replace('[', '-').Replace("]", "");
}

/// <summary>
/// The browser side of the forms (wwwroot/forms.js), loaded once per circuit: the save guard (a number or date that cannot be
/// read blocks the form's save and is focused), moving to the first field in error after a refused save, and the focus on a
/// page's search box when it opens.
/// </summary>
public static class FormScript
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IJSRuntime, Task<IJSObjectReference>> Modules = new();

    public static async Task InstallAsync(IJSRuntime js) => await CallAsync(js, "install");

    public static async Task FocusFirstErrorAsync(IJSRuntime js) => await CallAsync(js, "focusFirstError");

    public static async Task FocusSearchAsync(IJSRuntime js) => await CallAsync(js, "focusSearch");

    private static async Task CallAsync(IJSRuntime js, string function)
    {
        try
        {
            var module = await Modules.GetValue(js, j => j.InvokeAsync<IJSObjectReference>("import", "./forms.js").AsTask());
            await module.InvokeVoidAsync(function);
        }
        catch (JSDisconnectedException) { } // the circuit ended (page closed or reloaded)
        catch (TaskCanceledException) { }
        catch (JSException) { } // an enhancement: the form still works (and the server still checks) without it
    }
}
