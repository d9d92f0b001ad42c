using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Examinations;

/// <summary>Code lists of the 健康体检表 (规范 第三版, in force from 2017), effective-dated.</summary>
public static class ExamCodes
{
    private static readonly DateOnly Spec3 = new(2017, 1, 1);

    public static readonly CodeList Symptom = CodeList.Of("exam-symptom", "健康体检表 症状", Spec3,
        "1|无症状|None", "2|头痛|Headache", "3|头晕|Dizziness", "4|心悸|Palpitations", "5|胸闷|Chest tightness", "6|胸痛|Chest pain",
        "7|慢性咳嗽|Chronic cough", "8|咳痰|Sputum", "9|呼吸困难|Dyspnoea", "10|多饮|Polydipsia", "11|多尿|Polyuria",
        "12|体重下降|Weight loss", "13|乏力|Fatigue", "14|关节肿痛|Joint pain", "15|视力模糊|Blurred vision", "16|手脚麻木|Numbness",
        "17|尿急|Urgency", "18|尿痛|Dysuria", "19|便秘|Constipation", "20|腹泻|Diarrhoea", "21|恶心呕吐|Nausea, vomiting",
        "22|眼花|Dim vision", "23|耳鸣|Tinnitus", "24|乳房胀痛|Breast pain", "25|其他|Other");

    public static readonly CodeList HealthSelfRating = CodeList.Of("exam-self-rating", "老年人健康状态自我评估", Spec3,
        "1|满意|Satisfied", "2|基本满意|Mostly satisfied", "3|说不清楚|Unsure", "4|不太满意|Not very satisfied", "5|不满意|Dissatisfied");

    public static readonly CodeList SelfCareLevel = CodeList.Of("exam-self-care-level", "老年人生活自理能力评估表 程度等级", Spec3,
        "1|可自理|Independent", "2|轻度依赖|Mild dependence", "3|中度依赖|Moderate dependence", "4|不能自理|Dependent");

    public static readonly CodeList Screen = CodeList.Of("exam-screen", "认知/情感粗筛", Spec3, "1|粗筛阴性|Negative", "2|粗筛阳性|Positive");

    public static readonly CodeList ExerciseFrequency = CodeList.Of("exam-exercise", "体育锻炼 锻炼频率", Spec3,
        "1|每天|Daily", "2|每周一次以上|Weekly or more", "3|偶尔|Occasionally", "4|不锻炼|Never");

    public static readonly CodeList Diet = CodeList.Of("exam-diet", "饮食习惯", Spec3,
        "1|荤素均衡|Balanced", "2|荤食为主|Mainly meat", "3|素食为主|Mainly vegetarian", "4|嗜盐|Salty", "5|嗜油|Oily", "6|嗜糖|Sweet");

    public static readonly CodeList Smoking = CodeList.Of("exam-smoking", "吸烟状况", Spec3, "1|从不吸烟|Never", "2|已戒烟|Quit", "3|吸烟|Smokes");

    public static readonly CodeList Drinking = CodeList.Of("exam-drinking", "饮酒频率", Spec3, "1|从不|Never", "2|偶尔|Occasionally", "3|经常|Often", "4|每天|Daily");

    public static readonly CodeList DrinkingQuit = CodeList.Of("exam-drinking-quit", "是否戒酒", Spec3, "1|未戒酒|Not quit", "2|已戒酒|Quit");

    public static readonly CodeList DrinkType = CodeList.Of("exam-drink-type", "饮酒种类", Spec3,
        "1|白酒|Spirits", "2|啤酒|Beer", "3|红酒|Wine", "4|黄酒|Rice wine", "5|其他|Other");

    public static readonly CodeList Lips = CodeList.Of("exam-lips", "口唇", Spec3, "1|红润|Rosy", "2|苍白|Pale", "3|发绀|Cyanotic", "4|皲裂|Chapped", "5|疱疹|Herpes");

    public static readonly CodeList Dentition = CodeList.Of("exam-dentition", "齿列", Spec3, "1|正常|Normal", "2|缺齿|Missing", "3|龋齿|Caries", "4|义齿（假牙）|Dentures");

    public static readonly CodeList Pharynx = CodeList.Of("exam-pharynx", "咽部", Spec3, "1|无充血|Normal", "2|充血|Congested", "3|淋巴滤泡增生|Follicular hyperplasia");

    public static readonly CodeList Hearing = CodeList.Of("exam-hearing", "听力", Spec3, "1|听见|Hears", "2|听不清或无法听见|Cannot hear clearly");

    public static readonly CodeList Motor = CodeList.Of("exam-motor", "运动功能", Spec3, "1|可顺利完成|Completes", "2|无法独立完成任何一个动作|Cannot complete any");

    public static readonly CodeList NormalAbnormal = CodeList.Of("exam-normal", "正常/异常", Spec3, "1|正常|Normal", "2|异常|Abnormal");

    public static readonly CodeList Skin = CodeList.Of("exam-skin", "皮肤", Spec3,
        "1|正常|Normal", "2|潮红|Flushed", "3|苍白|Pale", "4|发绀|Cyanotic", "5|黄染|Jaundiced", "6|色素沉着|Pigmented", "7|其他|Other");

    public static readonly CodeList Sclera = CodeList.Of("exam-sclera", "巩膜", Spec3, "1|正常|Normal", "2|黄染|Icteric", "3|充血|Injected", "4|其他|Other");

    public static readonly CodeList LymphNodes = CodeList.Of("exam-lymph", "淋巴结", Spec3, "1|未触及|Not palpable", "2|锁骨上|Supraclavicular", "3|腋窝|Axillary", "4|其他|Other");

    public static readonly CodeList Rales = CodeList.Of("exam-rales", "罗音", Spec3, "1|无|None", "2|干罗音|Dry", "3|湿罗音|Moist", "4|其他|Other");

    public static readonly CodeList Rhythm = CodeList.Of("exam-rhythm", "心律", Spec3, "1|齐|Regular", "2|不齐|Irregular", "3|绝对不齐|Absolutely irregular");

    public static readonly CodeList LegEdema = CodeList.Of("exam-edema", "下肢水肿", Spec3,
        "1|无|None", "2|单侧|Unilateral", "3|双侧不对称|Bilateral asymmetric", "4|双侧对称|Bilateral symmetric");

    public static readonly CodeList DorsalisPedis = CodeList.Of("exam-pedis", "足背动脉搏动", Spec3,
        "1|未触及|Not palpable", "2|触及双侧对称|Both palpable", "3|触及左侧弱或消失|Left weak or absent", "4|触及右侧弱或消失|Right weak or absent");

    public static readonly CodeList UrineDipstick = CodeList.Of("exam-dipstick", "尿常规定性", Spec3,
        "-|阴性|Negative", "±|±|Trace", "+|+|+", "++|++|++", "+++|+++|+++", "++++|++++|++++");

    public static readonly CodeList PositiveNegative = CodeList.Of("exam-posneg", "阴性/阳性", Spec3, "1|阴性|Negative", "2|阳性|Positive");

    public static readonly CodeList Problem = CodeList.Of("exam-problem", "现存主要健康问题", Spec3,
        "cv1|缺血性卒中|Ischaemic stroke", "cv2|脑出血|Cerebral haemorrhage", "cv3|蛛网膜下腔出血|Subarachnoid haemorrhage", "cv4|短暂性脑缺血发作|TIA",
        "kd1|糖尿病肾病|Diabetic nephropathy", "kd2|肾功能衰竭|Renal failure", "kd3|急性肾炎|Acute nephritis", "kd4|慢性肾炎|Chronic nephritis",
        "ht1|心肌梗死|Myocardial infarction", "ht2|心绞痛|Angina", "ht3|冠状动脉血运重建|Coronary revascularisation", "ht4|充血性心力衰竭|Heart failure", "ht5|心前区疼痛|Precordial pain",
        "vs1|夹层动脉瘤|Dissecting aneurysm", "vs2|动脉闭塞性疾病|Arterial occlusive disease",
        "ey1|视网膜出血或渗出|Retinal haemorrhage or exudate", "ey2|视乳头水肿|Papilloedema", "ey3|白内障|Cataract",
        "ns1|神经系统疾病|Neurological disease", "ot1|其他系统疾病|Other disease");

    public static readonly CodeList StayKind = CodeList.Of("exam-stay", "住院治疗/家庭病床", Spec3, "1|住院史|Hospital stay", "2|家庭病床史|Home sickbed");

    public static readonly CodeList Adherence = CodeList.Of("exam-adherence", "服药依从性", Spec3, "1|规律|Regular", "2|间断|Intermittent", "3|不服药|Not taking");

    public static readonly CodeList Guidance = CodeList.Of("exam-guidance", "健康指导", Spec3,
        "1|纳入慢性病患者健康管理|Enrol in chronic disease management", "2|建议复查|Recheck", "3|建议转诊|Refer");

    public static readonly CodeList RiskControl = CodeList.Of("exam-risk", "危险因素控制", Spec3,
        "1|戒烟|Stop smoking", "2|健康饮酒|Drink sensibly", "3|饮食|Diet", "4|锻炼|Exercise", "5|减体重|Lose weight", "6|建议接种疫苗|Vaccination", "7|其他|Other");

    public static IReadOnlyList<CodeList> All { get; } =
    [
        Symptom, HealthSelfRating, SelfCareLevel, Screen, ExerciseFrequency, Diet, Smoking, Drinking, DrinkingQuit, DrinkType, Lips, Dentition, Pharynx,
        Hearing, Motor, NormalAbnormal, Skin, Sclera, LymphNodes, Rales, Rhythm, LegEdema, DorsalisPedis, UrineDipstick, PositiveNegative,
        Problem, StayKind, Adherence, Guidance, RiskControl,
    ];
}
