using System.Globalization;
using System.Text;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommunityHealth.Web.Modules.Residents;

public enum ImportRowStatus { Create, AlreadyRegistered, Invalid }

public sealed record ImportRowResult(int Row, string? Name, ImportRowStatus Status, IReadOnlyList<string> Messages);

public sealed record ImportReport(int Total, int ToCreate, int AlreadyRegistered, int Invalid, int Created, IReadOnlyList<ImportRowResult> Rows);

/// <summary>
/// Imports residents from the documented template (.xlsx or .csv in UTF-8 or GB18030). Preview reports
/// each row; the import itself writes all new rows in one transaction or nothing at all when any row is
/// invalid. Rows whose document is already registered are skipped, so importing a file twice creates no
/// duplicates. Template columns (header row, Chinese): see <see cref="Columns"/>. One use case: the template is its
/// input, the preview a dry run of the same import.
/// </summary>
public sealed class ImportResidents(ScopedDb dbs, TimeProvider clock)
{
    public const int MaxRows = 5000;
    public static readonly string[] Columns = ["姓名", "证件类型", "证件号码", "性别", "出生日期", "本人电话", "常住类型", "民族", "现住址", "管理机构区划代码", "责任团队"];

    static ImportResidents() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Maps the template download, the preview and the import.</summary>
    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/import/template", () => TypedResults.File(Template(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "居民档案导入模板.xlsx"))
            .WithSummary("The import template (.xlsx): " + string.Join(", ", Columns));
        g.MapPost("/import/preview", async (IFormFile file, CurrentUser user, ImportResidents h, CancellationToken ct) =>
            (await h.PreviewAsync(await user.GetAsync(), file.OpenReadStream(), file.FileName, ct)).ToResult(TypedResults.Ok))
            .DisableAntiforgery().WithSummary("Check an .xlsx/.csv file row by row without writing anything")
            .Produces<ImportReport>().ProducesValidationProblem();
        g.MapPost("/import", async (IFormFile file, CurrentUser user, ImportResidents h, CancellationToken ct) =>
            (await h.ImportAsync(await user.GetAsync(), file.OpenReadStream(), file.FileName, ct)).ToResult(TypedResults.Ok))
            .DisableAntiforgery().WithSummary("Import all new rows in one transaction, or nothing when any row is invalid; already registered rows are skipped")
            .Produces<ImportReport>().ProducesValidationProblem().ProducesProblem(403);
    }

    private sealed record Parsed(int Row, RegisterResident Command, ImportRowResult Result, string? Key);

    public async Task<Outcome<ImportReport>> PreviewAsync(StaffContext staff, Stream file, string fileName, CancellationToken ct = default)
    {
        var parsed = await ParseAsync(staff, file, fileName, ct);
        return parsed.IsSuccess ? Report(parsed.Value, 0) : parsed.Error!;
    }

    public async Task<Outcome<ImportReport>> ImportAsync(StaffContext staff, Stream file, string fileName, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        var parsed = await ParseAsync(staff, file, fileName, ct);
        if (!parsed.IsSuccess) return parsed.Error!;
        var rows = parsed.Value;
        if (rows.Any(r => r.Result.Status == ImportRowStatus.Invalid))
            return new Invalid(rows.Where(r => r.Result.Status == ImportRowStatus.Invalid)
                .SelectMany(r => r.Result.Messages.Select(m => new FieldError($"rows[{r.Row}]", "error.import.row", r.Row, m))).ToArray());

        await using var db = dbs.For(staff);
        await using var tx = await db.BeginWriteAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var created = new List<Resident>();
        foreach (var row in rows.Where(r => r.Result.Status == ImportRowStatus.Create))
        {
            var org = orgs[row.Command.OrganizationId!.Value];
            var number = await RecordNumbers.NextAsync(db, org.DistrictId, HealthRecordNumber.PrefixFor(org.DivisionCode), ct);
            if (number is null) return new Invalid($"rows[{row.Row}]", "error.resident.numbers_exhausted");
            var r = new Resident
            {
                Id = Guid.CreateVersion7(), DistrictId = org.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, TeamId = row.Command.TeamId,
                RecordNumber = number, RecordLast8 = number[9..], CreatedAt = now, UpdatedAt = now,
            };
            ResidentMapping.Apply(r, row.Command.Record!);
            db.Residents.Add(r);
            db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Create, $"import {fileName} {r.RecordNumber}");
            created.Add(r);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Report(rows, created.Count);
    }

    /// <summary>The template: the header row and one example row.</summary>
    public static byte[] Template()
    {
        var example = new Dictionary<string, object>
        {
            ["姓名"] = "张三", ["证件类型"] = "居民身份证", ["证件号码"] = IdCardNumber.Compose("330106", new DateOnly(1960, 5, 1), 123), ["性别"] = "",
            ["出生日期"] = "", ["本人电话"] = "13800000000", ["常住类型"] = "户籍", ["民族"] = "汉族", ["现住址"] = "杭州市西湖区某路 1 号",
            ["管理机构区划代码"] = "330106001001", ["责任团队"] = "",
        };
        using var ms = new MemoryStream();
        ms.SaveAs(new[] { example });
        return ms.ToArray();
    }

    private async Task<Outcome<List<Parsed>>> ParseAsync(StaffContext staff, Stream file, string fileName, CancellationToken ct)
    {
        List<Dictionary<string, string>> table;
        try { table = await ReadTableAsync(file, fileName, ct); }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or InvalidOperationException)
        {
            return new Invalid("file", "error.import.unreadable");
        }
        if (table.Count == 0) return new Invalid("file", "error.import.empty");
        if (table.Count > MaxRows) return new Invalid([new FieldError("file", "error.import.too_many", MaxRows)]);
        var missing = new[] { "姓名", "证件类型", "常住类型", "管理机构区划代码" }.Where(c => !table[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) return new Invalid([new FieldError("file", "error.import.columns", string.Join("、", missing))]);

        var today = clock.Today();
        await using var db = dbs.For(staff);
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.IsActive && o.Kind != OrganizationKind.Bureau).ToDictionaryAsync(o => o.DivisionCode, ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).ToListAsync(ct);
        var result = new List<Parsed>();
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < table.Count; i++)
        {
            var rowNo = i + 2; // row 1 is the header, as the user sees it in Excel
            var cells = table[i];
            string? Cell(string c) => cells.TryGetValue(c, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var messages = new List<string>();
            DateOnly? birth = null;
            if (Cell("出生日期") is { } b)
            {
                if (DateOnly.TryParseExact(b, ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) birth = d;
                else if (DateTime.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) birth = DateOnly.FromDateTime(dt);
                else messages.Add($"出生日期：{Text.Get("error.date_format")}");
            }
            var draft = new ResidentDraft(
                Name: Cell("姓名"), DocumentType: Code(ResidentCodes.DocumentType, Cell("证件类型")), DocumentNumber: Cell("证件号码"),
                Sex: Code(ResidentCodes.Sex, Cell("性别")), BirthDate: birth, Phone: Cell("本人电话"),
                ResidenceType: Code(ResidentCodes.ResidenceType, Cell("常住类型")), Ethnicity: Code(ResidentCodes.Ethnicity, Cell("民族")), Address: Cell("现住址"));
            var checkedDraft = ResidentRules.Validate(draft, today);
            if (!checkedDraft.IsSuccess)
                messages.AddRange(((Invalid)checkedDraft.Error!).Errors.Select(e => $"{Text.Get("field." + e.Field)}：{Text.Get(e.MessageCode, e.Args)}"));
            Organization? org = Cell("管理机构区划代码") is { } code && orgs.TryGetValue(code, out var o) ? o : null;
            if (org is null) messages.Add($"{Text.Get("field.organizationId")}：{Text.Get("error.import.org_unknown")}");
            Guid? teamId = null;
            if (Cell("责任团队") is { } teamName)
            {
                teamId = teams.FirstOrDefault(t => t.Name == teamName && t.OrganizationId == org?.Id)?.Id;
                if (teamId is null) messages.Add($"{Text.Get("field.teamId")}：{Text.Get("error.staff.team_org")}");
            }
            var final = checkedDraft.IsSuccess ? checkedDraft.Value : draft;
            var key = final.DocumentType is { } dt2 && final.DocumentNumber is { } dn ? $"{dt2}:{dn}" : null;
            if (key is not null && seen.TryGetValue(key, out var firstRow)) messages.Add(Text.Get("error.import.duplicate_in_file", firstRow));
            else if (key is not null) seen[key] = rowNo;

            var status = messages.Count > 0 ? ImportRowStatus.Invalid : ImportRowStatus.Create;
            if (status == ImportRowStatus.Create && await RegisteredAsync(db, final, ct)) status = ImportRowStatus.AlreadyRegistered;
            result.Add(new Parsed(rowNo, new RegisterResident(org?.Id, teamId, final), new ImportRowResult(rowNo, final.Name, status, messages), key));
        }
        return result;
    }

    /// <summary>Already registered (anywhere in the database, not merged): the same ID number, or the same other document.</summary>
    private static Task<bool> RegisteredAsync(HealthDbContext db, ResidentDraft d, CancellationToken ct) =>
        d.DocumentType == ResidentRules.IdCard
            ? db.Residents.IgnoreQueryFilters().AnyAsync(r => r.IdNumber == d.DocumentNumber && r.Status != ResidentStatus.Merged, ct)
            : d.DocumentNumber is null ? Task.FromResult(false)
            : db.Residents.IgnoreQueryFilters().AnyAsync(r => r.DocumentType == d.DocumentType && r.DocumentNumber == d.DocumentNumber && r.Status != ResidentStatus.Merged, ct);

    /// <summary>A cell may hold the code or its Chinese name ("01" or "居民身份证", "1" or "男").</summary>
    private static string? Code(CodeList list, string? cell) =>
        cell is null ? null : list.Entries.FirstOrDefault(e => e.Code == cell || e.Zh == cell)?.Code ?? cell;

    private static async Task<List<Dictionary<string, string>>> ReadTableAsync(Stream file, string fileName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return buffer.Query(useHeaderRow: true).Cast<IDictionary<string, object>>()
                .Select(r => r.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value switch
                {
                    null => "",
                    DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    double dbl => dbl.ToString("0.##########", CultureInfo.InvariantCulture),
                    var v => v.ToString() ?? "",
                }))
                .Where(r => r.Values.Any(v => v.Length > 0)).ToList();
        }
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) throw new InvalidDataException("Only .xlsx and .csv");
        var bytes = buffer.ToArray();
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { text = Encoding.GetEncoding("GB18030").GetString(bytes); } // Excel on Chinese Windows saves CSV as GBK
        var lines = Csv.Parse(text.TrimStart('\uFEFF'));
        if (lines.Count == 0) return [];
        var header = lines[0].Select(h => h.Trim()).ToArray();
        return lines.Skip(1).Where(l => l.Any(c => c.Trim().Length > 0))
            .Select(l => header.Select((h, i) => (h, v: i < l.Count ? l[i] : "")).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().v)).ToList();
    }

    private static ImportReport Report(List<Parsed> rows, int created) => new(
        rows.Count, rows.Count(r => r.Result.Status == ImportRowStatus.Create), rows.Count(r => r.Result.Status == ImportRowStatus.AlreadyRegistered),
        rows.Count(r => r.Result.Status == ImportRowStatus.Invalid), created, rows.Select(r => r.Result).ToList());
}
