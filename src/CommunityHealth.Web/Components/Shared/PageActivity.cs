using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Components.Shared;

/// <summary>
/// What the pages of one circuit are waiting for: a page's data (its OnInitializedAsync/OnParametersSetAsync) or an action
/// (a click that saves or runs a report). The layout cascades one instance to its page and shows the progress bar while
/// <see cref="Busy"/>; pages take part by deriving from <see cref="TrackedPage"/>.
/// </summary>
public sealed class PageActivity
{
    private int running;

    public bool Busy => running > 0;

    /// <summary>Raised on the circuit's dispatcher when <see cref="Busy"/> may have changed.</summary>
    public event Action? Changed;

    public async Task Track(Task work)
    {
        running++;
        if (running == 1) Changed?.Invoke();
        try { await work; }
        finally
        {
            running--;
            if (running == 0) Changed?.Invoke();
        }
    }
}

/// <summary>
/// A page whose loading and actions show the layout's progress bar: <c>@inherits TrackedPage</c> (a folder's
/// <c>_Imports.razor</c> does it for all its pages). Once its data has loaded, the page's search box (or first text field)
/// gets the focus unless the user has already put it somewhere (forms.js, <c>focusSearch</c>). Otherwise it behaves exactly
/// as <see cref="ComponentBase"/>.
/// </summary>
public abstract class TrackedPage : ComponentBase, IHandleEvent, IHandleAfterRender
{
    [CascadingParameter] private PageActivity? Activity { get; set; }
    [Inject] private Microsoft.JSInterop.IJSRuntime Js { get; set; } = default!;
    private bool loaded;
    private bool focusPending;
    private bool afterFirstRender;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        var loading = base.SetParametersAsync(parameters); // sets Activity first, then runs OnInitialized(Async)/OnParametersSet(Async)
        if (loaded) return loading.IsCompleted || Activity is null ? loading : Activity.Track(loading);
        loaded = true;
        if (loading.IsCompleted) { focusPending = true; return loading; }
        return Activity is null ? FocusWhenLoadedAsync(loading) : Activity.Track(FocusWhenLoadedAsync(loading));
    }

    private async Task FocusWhenLoadedAsync(Task loading)
    {
        await loading;
        focusPending = true;
        StateHasChanged(); // one render with the data, after which the focus moves
    }

    // ComponentBase's event handling (render now, and again when the handler's task completes), with the wait tracked.
    Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        var task = callback.InvokeAsync(arg);
        var pending = task.Status != TaskStatus.RanToCompletion && task.Status != TaskStatus.Canceled;
        StateHasChanged();
        if (!pending) return Task.CompletedTask;
        var rendered = RenderWhenDoneAsync(task);
        return Activity is null ? rendered : Activity.Track(rendered);
    }

    private async Task RenderWhenDoneAsync(Task task)
    {
        try { await task; }
        catch when (task.IsCanceled) { return; }
        StateHasChanged();
    }

    // ComponentBase's after-render calls, after moving the focus once the data is shown.
    async Task IHandleAfterRender.OnAfterRenderAsync()
    {
        var first = !afterFirstRender;
        afterFirstRender = true;
        if (focusPending && RendererInfo.IsInteractive)
        {
            focusPending = false;
            await FormScript.FocusSearchAsync(Js);
        }
        OnAfterRender(first);
        await OnAfterRenderAsync(first);
    }
}
