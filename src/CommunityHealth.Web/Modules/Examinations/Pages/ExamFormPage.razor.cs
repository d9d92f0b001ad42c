using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Components.Shared;
using CommunityHealth.Web.Modules.Residents;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Examinations.Pages;

public partial class ExamFormPage
{
    [Parameter] public Guid? ResidentId { get; set; }
    [Parameter] public Guid? ExamId { get; set; }
    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ReadAudit Reads { get; set; } = default!;
    [Inject] private GetResident GetResident { get; set; } = default!;
    [Inject] private GetExamination GetExam { get; set; } = default!;
    [Inject] private RecordExamination RecordExam { get; set; } = default!;
    [Inject] private UpdateExamination UpdateExam { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private StaffContext me = default!;
    private ExamFormModel model = new();
    private Guid residentId;
    private string? residentName;
    private DateOnly birthDate;
    private bool elderly;
    private bool male;
    private string? loadError;
    private bool saving;
    private readonly FormErrors errors = new();

    protected override async Task OnInitializedAsync()
    {
        me = await Current.GetAsync();
        if (!me.Can(Permission.ExaminationsWrite)) { loadError = Text.Get("error.forbidden"); return; }
        if (ExamId is { } examId)
        {
            var exam = await GetExam.HandleAsync(me, examId);
            if (!exam.IsSuccess) { loadError = Text.Get(exam.Error!.Code); return; }
            model = ExamFormModel.From(exam.Value.Form);
            residentId = exam.Value.ResidentId;
        }
        else
        {
            residentId = ResidentId!.Value;
            model.ExamDate = Clock.Today();
            model.Doctor = me.DisplayName;
        }
        var r = await GetResident.HandleAsync(me, residentId);
        if (!r.IsSuccess) { loadError = Text.Get(r.Error!.Code); return; }
        residentName = r.Value.Record.Name;
        Reads.Page(this, me, r.Value);
        birthDate = r.Value.Record.BirthDate!.Value;
        male = r.Value.Record.Sex == "1";
        elderly = model.ExamDate is { } d && ExamRules.ShowsElderlySection(birthDate, d);
    }

    /// <summary>The 65+ section follows the age on the exam date, so it appears or hides as the date changes.</summary>
    private void ExamDateChanged(DateOnly? date)
    {
        model.ExamDate = date;
        elderly = date is { } d && ExamRules.ShowsElderlySection(birthDate, d);
    }

    private SelfCareItems SelfCareNow() =>
        new(I(model.Eating), I(model.Grooming), I(model.Dressing), I(model.Toileting), I(model.Mobility));

    private static int? I(decimal? d) => d is { } x ? (int)x : null;

    private IEnumerable<(string Label, string Field, Func<decimal?> Get, Action<decimal?> Set)> SelfCareItems() =>
    [
        (Text.L("进餐"), "elderly.selfCare.eating", () => model.Eating, v => model.Eating = v),
        (Text.L("梳洗"), "elderly.selfCare.grooming", () => model.Grooming, v => model.Grooming = v),
        (Text.L("穿衣"), "elderly.selfCare.dressing", () => model.Dressing, v => model.Dressing = v),
        (Text.L("如厕"), "elderly.selfCare.toileting", () => model.Toileting, v => model.Toileting = v),
        (Text.L("活动"), "elderly.selfCare.mobility", () => model.Mobility, v => model.Mobility = v),
    ];

    private IEnumerable<(string Label, Func<bool> Get, Action<bool> Set)> YesNoItems() =>
    [
        (Text.L("桶状胸"), () => model.BarrelChest, v => model.BarrelChest = v),
        (Text.L("心脏杂音"), () => model.Murmur, v => model.Murmur = v),
        (Text.L("腹部压痛"), () => model.Tenderness, v => model.Tenderness = v),
        (Text.L("腹部包块"), () => model.Mass, v => model.Mass = v),
        (Text.L("肝大"), () => model.Hepatomegaly, v => model.Hepatomegaly = v),
        (Text.L("脾大"), () => model.Splenomegaly, v => model.Splenomegaly = v),
        (Text.L("移动性浊音"), () => model.ShiftingDullness, v => model.ShiftingDullness = v),
    ];

    /// <summary>What the values typed so far show: the same rule the server applies when it saves (next steps need the programmes, so they come with the saved exam).</summary>
    private List<string> LiveFindings() =>
        ExamFindings.Evaluate(model.ToExam(elderly), male, new HashSet<Domain.ChronicCare.Programme>(), model.ExamDate ?? Clock.Today())
            .Findings.Select(ChronicCare.Findings.Render).ToList();

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var form = model.ToExam(elderly);
            var outcome = ExamId is { } id ? await UpdateExam.HandleAsync(me, id, form) : await RecordExam.HandleAsync(me, residentId, form);
            if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
            Nav.NavigateTo($"exams/{outcome.Value.Id}/print");
        }
        finally { saving = false; }
    }
}
