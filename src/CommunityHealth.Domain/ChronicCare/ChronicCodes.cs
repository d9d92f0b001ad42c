using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.ChronicCare;

/// <summary>Code lists of the 高血压/2型糖尿病患者随访服务记录表 (规范 第三版), effective-dated.</summary>
public static class ChronicCodes
{
    private static readonly DateOnly Spec3 = new(2017, 1, 1);

    public static readonly CodeList HypertensionSymptom = CodeList.Of("htn-symptom", "高血压患者随访服务记录表 症状", Spec3,
        "1|无症状|None", "2|头痛头晕|Headache, dizziness", "3|恶心呕吐|Nausea, vomiting", "4|眼花耳鸣|Dim vision, tinnitus", "5|呼吸困难|Dyspnoea",
        "6|心悸胸闷|Palpitations, chest tightness", "7|鼻衄出血不止|Persistent nosebleed", "8|四肢发麻|Numb limbs", "9|下肢水肿|Leg oedema", "10|其他|Other");

    public static readonly CodeList DiabetesSymptom = CodeList.Of("dm-symptom", "2型糖尿病患者随访服务记录表 症状", Spec3,
        "1|无症状|None", "2|多饮|Polydipsia", "3|多食|Polyphagia", "4|多尿|Polyuria", "5|视力模糊|Blurred vision", "6|感染|Infection",
        "7|手脚麻木|Numb hands and feet", "8|下肢浮肿|Leg oedema", "9|体重明显下降|Marked weight loss", "10|其他|Other");

    /// <summary>
    /// Signs that call for urgent referral (紧急转诊), from §1.7 and §1.8; the fourth field says which programme lists
    /// the sign (H, D or HD). Heart rate and temperature are judged from the measured values, not ticked.
    /// </summary>
    public static readonly CodeList UrgentSign = CodeList.Of("chronic-urgent-sign", "高血压/糖尿病 紧急转诊情况", Spec3,
        "1|意识改变|Altered consciousness|HD",
        "2|剧烈头痛或头晕|Severe headache or dizziness|H",
        "3|恶心呕吐|Nausea, vomiting|HD",
        "4|视力模糊、眼痛|Blurred vision, eye pain|H",
        "5|心悸、胸闷|Palpitations, chest tightness|H",
        "6|喘憋不能平卧|Orthopnoea|H",
        "7|妊娠期或哺乳期血压/血糖升高|Raised BP or glucose in pregnancy or lactation|HD",
        "8|呼气有烂苹果样丙酮味|Ketotic (acetone) breath|D",
        "9|深大呼吸、皮肤潮红|Deep breathing, flushed skin|D",
        "10|视力突然骤降|Sudden loss of vision|D",
        "11|其他无法处理的情况|Anything the site cannot handle|HD");

    public static readonly CodeList Source = CodeList.Of("chronic-source", "专案来源", Spec3,
        "1|筛查发现|Screening", "2|门诊就诊|Outpatient", "3|上级医院转回|Referred back", "4|其他|Other");

    public static readonly CodeList DeregisterReason = CodeList.Of("chronic-deregister", "专案结案原因", Spec3,
        "1|死亡|Death", "2|迁出|Moved away", "3|排除诊断|Diagnosis withdrawn", "4|失访|Lost to follow-up", "5|其他|Other");

    public static readonly CodeList Salt = CodeList.Of("chronic-salt", "摄盐情况", Spec3, "1|轻|Light", "2|中|Medium", "3|重|Heavy");

    public static readonly CodeList Compliance = CodeList.Of("chronic-compliance", "心理调整/遵医行为", Spec3, "1|良好|Good", "2|一般|Fair", "3|差|Poor");

    public static readonly CodeList Adherence = CodeList.Of("chronic-adherence", "服药依从性", Spec3, "1|规律|Regular", "2|间断|Intermittent", "3|不服药|None");

    public static readonly CodeList FootPulse = CodeList.Of("dm-foot-pulse", "足背动脉搏动", Spec3,
        "1|触及正常|Normal", "2|减弱（双侧）|Weak, both sides", "3|减弱（左侧）|Weak, left", "4|减弱（右侧）|Weak, right",
        "5|消失（双侧）|Absent, both sides", "6|消失（左侧）|Absent, left", "7|消失（右侧）|Absent, right");

    public static readonly CodeList Hypoglycaemia = CodeList.Of("dm-hypo", "低血糖反应", Spec3, "1|无|None", "2|偶尔|Occasional", "3|频繁|Frequent");

    /// <summary>转诊结果 (3rd-edition addition, unverified): whether the patient reached the receiving facility.</summary>
    public static readonly CodeList ReferralResult = CodeList.Of("referral-result", "转诊结果", Spec3, "1|到位|Arrived", "2|不到位|Did not arrive");

    public static readonly IReadOnlyList<CodeList> All =
        [HypertensionSymptom, DiabetesSymptom, UrgentSign, Source, DeregisterReason, Salt, Compliance, Adherence, FootPulse, Hypoglycaemia, ReferralResult];

    public static bool SignApplies(string code, Programme programme) =>
        UrgentSign.Find(code)?.Standard is { } p && p.Contains(programme == Programme.Hypertension ? 'H' : 'D');
}
