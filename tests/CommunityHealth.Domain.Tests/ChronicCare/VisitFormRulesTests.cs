using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Tests.ChronicCare;

/// <summary>The rest of the follow-up form (§1.7, §1.8): codes in force, possible ranges, notes and drugs.</summary>
public class VisitFormRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static IReadOnlyList<FieldError> Errors(ChronicVisitForm form)
    {
        var v = new Validation();
        VisitFormRules.Validate(v, form, Day);
        return v.ToError()?.Errors ?? [];
    }

    public static TheoryData<ChronicVisitForm, string> Refused => new()
    {
        { new(HypertensionSymptoms: ["99"]), "form.hypertensionSymptoms" },
        { new(UrgentSigns: ["12"]), "form.urgentSigns" },
        { new(Salt: "4"), "form.salt" },
        { new(FootPulse: "8"), "form.footPulse" },
        { new(HeightCm: 99), "form.heightCm" },
        { new(WeightKg: 301), "form.weightKg" },
        { new(LiangPerDay: 41), "form.liangPerDay" },
        { new(ExerciseTimesPerWeek: 22), "form.exerciseTimesPerWeek" },
        { new(HbA1c: 2.9m), "form.hbA1c" },
        { new(HbA1cDate: Day.AddDays(1)), "form.hbA1cDate" },
        { new(AdverseReaction: true), "form.adverseReactionNote" },
        { new(SymptomOther: new string('x', 201)), "form.symptomOther" },
        { new(Medications: [new VisitMedication(null, 1, 1, "mg")]), "form.medications[0].name" },
        { new(Medications: [new VisitMedication("硝苯地平", 13, 1, "mg")]), "form.medications[0].timesPerDay" },
        { new(Medications: [new VisitMedication("硝苯地平", 1, 0, "mg")]), "form.medications[0].dosePerTime" },
        { new(Medications: Enumerable.Repeat(new VisitMedication("二甲双胍", 2, 500, "mg"), 21).ToList()), "form.medications" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Impossible_or_unknown_entries_are_refused_at_their_field(ChronicVisitForm form, string field) =>
        Assert.Contains(Errors(form), e => e.Field == field);

    [Fact]
    public void A_complete_plausible_form_passes()
    {
        var form = new ChronicVisitForm(HypertensionSymptoms: ["1"], DiabetesSymptoms: ["2"], HeightCm: 170, WeightKg: 70, TargetWeightKg: 65, Salt: "2",
            TargetSalt: "1", Mood: "1", Compliance: "1", Adherence: "1", FootPulse: "1", Hypoglycaemia: "1", HbA1c: 6.5m, HbA1cDate: Day,
            AdverseReaction: true, AdverseReactionNote: "干咳", Medications: [new VisitMedication("氨氯地平", 1, 5, "mg")], UrgentSigns: ["1"]);
        Assert.Empty(Errors(form));
    }
}
