namespace CommunityHealth.Domain.Immunization;

/// <summary>The national immunization programme's series (one forecast line each).</summary>
public enum Series { HepB, BCG, Polio, DTaP, MMR, JE, MenA, MenAC, HepA }

/// <summary>
/// A vaccine of the national immunization programme (国家免疫规划疫苗儿童免疫程序及说明 2021, standards §2).
/// <see cref="Code"/> is the code of the project's NIP vaccine code system (FHIR CodeSystem).
/// </summary>
public sealed record Vaccine(string Code, string Zh, string En, Series Series, bool Live, bool Injectable, string Route, string DefaultSite)
{
    /// <summary>The 28-day rule covers injectable live vaccines only (bOPV is oral).</summary>
    public bool LiveInjectable => Live && Injectable;
}

public static class Vaccines
{
    /// <summary>The canonical URL of the NIP vaccine CodeSystem (served at /fhir/CodeSystem/nip-vaccine).</summary>
    public const string CodeSystem = "https://fhir.communityhealth.cn/CodeSystem/nip-vaccine";

    public static readonly Vaccine HepB = new("HepB", "乙肝疫苗", "Hepatitis B vaccine", Series.HepB, false, true, "IM", "上臂三角肌");
    public static readonly Vaccine Bcg = new("BCG", "卡介苗", "BCG vaccine", Series.BCG, true, true, "ID", "上臂三角肌中部略下处");
    public static readonly Vaccine Ipv = new("IPV", "脊灰灭活疫苗", "Inactivated polio vaccine", Series.Polio, false, true, "IM", "上臂三角肌或大腿前外侧中部");
    public static readonly Vaccine Bopv = new("bOPV", "二价脊灰减毒活疫苗", "Bivalent oral polio vaccine", Series.Polio, true, false, "PO", "口服");
    public static readonly Vaccine Dtap = new("DTaP", "百白破疫苗", "DTaP vaccine", Series.DTaP, false, true, "IM", "上臂三角肌或臀部");
    public static readonly Vaccine Dt = new("DT", "白破疫苗", "DT vaccine", Series.DTaP, false, true, "IM", "上臂三角肌");
    public static readonly Vaccine Mmr = new("MMR", "麻腮风疫苗", "MMR vaccine", Series.MMR, true, true, "SC", "上臂外侧三角肌下缘");
    public static readonly Vaccine JeLive = new("JE-L", "乙脑减毒活疫苗", "Live attenuated Japanese encephalitis vaccine", Series.JE, true, true, "SC", "上臂外侧三角肌下缘");
    public static readonly Vaccine JeInactivated = new("JE-I", "乙脑灭活疫苗", "Inactivated Japanese encephalitis vaccine", Series.JE, false, true, "IM", "上臂三角肌");
    public static readonly Vaccine MenA = new("MPSV-A", "A群流脑多糖疫苗", "Meningococcal A polysaccharide vaccine", Series.MenA, false, true, "SC", "上臂外侧三角肌附着处");
    public static readonly Vaccine MenAC = new("MPSV-AC", "A群C群流脑多糖疫苗", "Meningococcal AC polysaccharide vaccine", Series.MenAC, false, true, "SC", "上臂外侧三角肌附着处");
    public static readonly Vaccine HepALive = new("HepA-L", "甲肝减毒活疫苗", "Live attenuated hepatitis A vaccine", Series.HepA, true, true, "SC", "上臂外侧三角肌附着处");
    public static readonly Vaccine HepAInactivated = new("HepA-I", "甲肝灭活疫苗", "Inactivated hepatitis A vaccine", Series.HepA, false, true, "IM", "上臂三角肌");

    public static readonly IReadOnlyList<Vaccine> All = [HepB, Bcg, Ipv, Bopv, Dtap, Dt, Mmr, JeLive, JeInactivated, MenA, MenAC, HepALive, HepAInactivated];

    private static readonly Dictionary<string, Vaccine> ByCode = All.ToDictionary(v => v.Code, StringComparer.Ordinal);

    public static Vaccine? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var v) ? v : null;

    public static string SeriesZh(Series s) => s switch
    {
        Series.HepB => "乙肝疫苗",
        Series.BCG => "卡介苗",
        Series.Polio => "脊灰疫苗",
        Series.DTaP => "百白破/白破疫苗",
        Series.MMR => "麻腮风疫苗",
        Series.JE => "乙脑疫苗",
        Series.MenA => "A群流脑多糖疫苗",
        Series.MenAC => "A群C群流脑多糖疫苗",
        _ => "甲肝疫苗",
    };

    public static string SeriesEn(Series s) => s switch
    {
        Series.HepB => "Hepatitis B",
        Series.BCG => "BCG",
        Series.Polio => "Polio",
        Series.DTaP => "DTaP / DT",
        Series.MMR => "MMR",
        Series.JE => "Japanese encephalitis",
        Series.MenA => "Meningococcal A",
        Series.MenAC => "Meningococcal AC",
        _ => "Hepatitis A",
    };

    /// <summary>Route codes (接种途径) as the clinic records them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>
    {
        ["IM"] = "肌内注射", ["SC"] = "皮下注射", ["ID"] = "皮内注射", ["PO"] = "口服",
    };

    /// <summary>The routes in English, by the same codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoutesEn = new Dictionary<string, string>
    {
        ["IM"] = "Intramuscular", ["SC"] = "Subcutaneous", ["ID"] = "Intradermal", ["PO"] = "Oral",
    };

    /// <summary>The catalogue's default injection sites in English, by their Chinese (a dose stores the site as written).</summary>
    public static readonly IReadOnlyDictionary<string, string> SitesEn = new Dictionary<string, string>
    {
        ["上臂三角肌"] = "Deltoid, upper arm",
        ["上臂三角肌中部略下处"] = "Just below the middle of the deltoid",
        ["上臂三角肌或大腿前外侧中部"] = "Deltoid, or the middle of the anterolateral thigh",
        ["口服"] = "Oral",
        ["上臂三角肌或臀部"] = "Deltoid or buttock",
        ["上臂外侧三角肌下缘"] = "Lower edge of the deltoid, outer upper arm",
        ["上臂外侧三角肌附着处"] = "Deltoid insertion, outer upper arm",
    };

    /// <summary>The vaccine's name in English or Chinese.</summary>
    public static string Name(Vaccine v, bool english) => english ? v.En : v.Zh;

    /// <summary>A series' name in English or Chinese.</summary>
    public static string SeriesName(Series s, bool english) => english ? SeriesEn(s) : SeriesZh(s);

    /// <summary>"麻腮风疫苗第1剂" / "MMR vaccine, dose 1".</summary>
    public static string DoseText(Vaccine v, int number, bool english) => english ? $"{v.En}, dose {number}" : $"{v.Zh}第{number}剂";
}
