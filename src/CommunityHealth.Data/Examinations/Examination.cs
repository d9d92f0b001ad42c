using CommunityHealth.Domain.Examinations;

namespace CommunityHealth.Data.Examinations;

/// <summary>
/// A 健康体检表. The whole form is kept as <see cref="Form"/> (JSON); the values that work lists and
/// indicators query (date, BP, BMI, glucose, 65+ self-care) are also columns.
/// </summary>
public sealed class Examination : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public DateOnly ExamDate { get; set; }
    public string Doctor { get; set; } = "";
    public int? Systolic { get; set; }
    public int? Diastolic { get; set; }
    public decimal? HeightCm { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? Bmi { get; set; }
    public decimal? FastingGlucose { get; set; }
    public int? SelfCareScore { get; set; }
    public bool? Abnormal { get; set; }
    public HealthExam Form { get; set; } = new();
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>接诊记录: a contact note (SOAP) that puts a record "in use".</summary>
public sealed class Encounter : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public DateOnly Date { get; set; }
    public string Subjective { get; set; } = "";
    public string? Objective { get; set; }
    public string? Assessment { get; set; }
    public string? Plan { get; set; }
    public string Doctor { get; set; } = "";
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}
