using CommunityHealth.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;

namespace CommunityHealth.Web.Tests.Residents;

/// <summary>
/// The resident pages (TrackedPage) report their loading and their slow actions to the layout's PageActivity, which the
/// progress bar shows. Rendered by Blazor's own renderer, as the circuit does.
/// </summary>
public sealed class TrackedPageTests
{
    [Fact]
    public async Task A_page_is_busy_while_its_data_loads_and_while_a_clicked_action_runs()
    {
        var activity = new PageActivity();
        var changes = 0;
        activity.Changed += () => changes++;
        await using var renderer = new PlainRenderer();
        var host = new Host(activity);
        await renderer.Dispatcher.InvokeAsync(() => renderer.Show(host));

        Assert.True(activity.Busy); // OnInitializedAsync is still waiting
        await renderer.Dispatcher.InvokeAsync(() => SlowPage.Last!.Load.SetResult());
        await SlowPage.Last!.Loaded.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await renderer.Dispatcher.InvokeAsync(() => { });
        Assert.False(activity.Busy);
        Assert.Equal(2, changes);

        // a click whose handler awaits: busy until it completes, then the page renders again
        var page = SlowPage.Last!;
        var renders = page.Renders;
        Task? handling = null;
        await renderer.Dispatcher.InvokeAsync(() => { handling = ((IHandleEvent)page).HandleEventAsync(new EventCallbackWorkItem((Func<Task>)page.SaveAsync), null); });
        Assert.True(activity.Busy);
        await renderer.Dispatcher.InvokeAsync(() => page.Save.SetResult());
        await page.Saved.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await handling!.WaitAsync(TimeSpan.FromSeconds(5));
        await renderer.Dispatcher.InvokeAsync(() => { });
        Assert.False(activity.Busy);
        Assert.True(page.Renders > renders + 1); // rendered at the click and again when the save finished
    }

    [Fact]
    public async Task A_page_that_loads_at_once_never_makes_the_layout_busy()
    {
        var activity = new PageActivity();
        var changes = 0;
        activity.Changed += () => changes++;
        await using var renderer = new PlainRenderer();
        await renderer.Dispatcher.InvokeAsync(() => renderer.Show(new Host(activity, quick: true)));
        Assert.False(activity.Busy);
        Assert.Equal(0, changes);
    }

    private sealed class Host(PageActivity activity, bool quick = false) : IComponent
    {
        private RenderHandle handle;
        public void Attach(RenderHandle renderHandle) => handle = renderHandle;

        public Task SetParametersAsync(ParameterView parameters)
        {
            handle.Render(b =>
            {
                b.OpenComponent<CascadingValue<PageActivity>>(0);
                b.AddComponentParameter(1, "Value", activity);
                b.AddComponentParameter(2, "IsFixed", true);
                b.AddComponentParameter(3, "ChildContent", (RenderFragment)(c =>
                {
                    c.OpenComponent<SlowPage>(0);
                    c.AddComponentParameter(1, nameof(SlowPage.Quick), quick);
                    c.CloseComponent();
                }));
                b.CloseComponent();
            });
            return Task.CompletedTask;
        }
    }

    private sealed class SlowPage : TrackedPage
    {
        public static SlowPage? Last;
        [Parameter] public bool Quick { get; set; }
        public TaskCompletionSource Load { get; } = new();
        public TaskCompletionSource Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Save { get; private set; } = new();
        public TaskCompletionSource Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Renders { get; private set; }

        protected override async Task OnInitializedAsync()
        {
            Last = this;
            if (!Quick) await Load.Task;
            Loaded.TrySetResult();
        }

        public async Task SaveAsync()
        {
            await Save.Task;
            Saved.TrySetResult();
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => Renders++;
    }

    // A renderer of our own, as component-testing libraries have: it needs the framework's render-tree types.
#pragma warning disable BL0006
    private sealed class PlainRenderer() : Renderer(Services(), NullLoggerFactory.Instance)
    {
        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();
        protected override RendererInfo RendererInfo { get; } = new("Test", false);

        public void Show(IComponent root) => RenderRootComponentAsync(AssignRootComponentId(root));

        protected override void HandleException(Exception exception) => throw exception;

        protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;

        private static ServiceProvider Services() => new ServiceCollection().AddSingleton<IJSRuntime, NoScript>().BuildServiceProvider();
    }

#pragma warning restore BL0006

    /// <summary>The renderer is not interactive, so the page never calls the browser.</summary>
    private sealed class NoScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new InvalidOperationException("no browser");
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new InvalidOperationException("no browser");
    }
}
