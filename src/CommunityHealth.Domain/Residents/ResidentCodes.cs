using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Residents;

/// <summary>
/// Code lists of the 个人基本信息表 (国家基本公共卫生服务规范 第三版, in force from 2017) and the GB code
/// sets behind them. Effective-dated data: a later edition adds entries with a new EffectiveFrom and
/// closes old ones with EffectiveTo. Entries marked (unverified) in a comment are from secondary sources.
/// </summary>
public static class ResidentCodes
{
    private static readonly DateOnly Spec3 = new(2017, 1, 1);
    private static readonly DateOnly Gb = new(2003, 1, 1);

    // WS 364 CV02.01.101 身份证件类别; 08 出生医学证明 is a local extension for newborns (unverified).
    public static readonly CodeList DocumentType = CodeList.Of("document-type", "WS 364 CV02.01.101", Gb,
        "01|居民身份证|Resident ID card", "02|居民户口簿|Household register", "03|护照|Passport", "04|军官证|Military officer ID",
        "05|驾驶证|Driving licence", "06|港澳居民来往内地通行证|Mainland travel permit (HK/Macao)",
        "07|台湾居民来往内地通行证|Mainland travel permit (Taiwan)", "08|出生医学证明|Birth certificate", "09|外国人永久居留身份证|Foreigner's permanent residence ID",
        "99|其他法定有效证件|Other legal document", "00|无证件|No document");

    public static readonly CodeList Sex = CodeList.Of("sex", "GB/T 2261.1", Gb,
        "1|男|Male", "2|女|Female", "0|未知的性别|Unknown", "9|未说明的性别|Unspecified");

    public static readonly CodeList ResidenceType = CodeList.Of("residence-type", "个人基本信息表 常住类型", Spec3,
        "1|户籍|Registered (hukou)", "2|非户籍|Non-registered");

    public static readonly CodeList Ethnicity = CodeList.Of("ethnicity", "GB 3304", Gb,
        "01|汉族|Han", "02|蒙古族|Mongol", "03|回族|Hui", "04|藏族|Tibetan", "05|维吾尔族|Uyghur", "06|苗族|Miao", "07|彝族|Yi",
        "08|壮族|Zhuang", "09|布依族|Bouyei", "10|朝鲜族|Korean", "11|满族|Manchu", "12|侗族|Dong", "13|瑶族|Yao", "14|白族|Bai",
        "15|土家族|Tujia", "16|哈尼族|Hani", "17|哈萨克族|Kazakh", "18|傣族|Dai", "19|黎族|Li", "20|傈僳族|Lisu", "21|佤族|Va",
        "22|畲族|She", "23|高山族|Gaoshan", "24|拉祜族|Lahu", "25|水族|Sui", "26|东乡族|Dongxiang", "27|纳西族|Nakhi", "28|景颇族|Jingpo",
        "29|柯尔克孜族|Kyrgyz", "30|土族|Tu", "31|达斡尔族|Daur", "32|仫佬族|Mulao", "33|羌族|Qiang", "34|布朗族|Blang", "35|撒拉族|Salar",
        "36|毛南族|Maonan", "37|仡佬族|Gelao", "38|锡伯族|Xibe", "39|阿昌族|Achang", "40|普米族|Pumi", "41|塔吉克族|Tajik", "42|怒族|Nu",
        "43|乌孜别克族|Uzbek", "44|俄罗斯族|Russian", "45|鄂温克族|Evenki", "46|德昂族|De'ang", "47|保安族|Bonan", "48|裕固族|Yugur",
        "49|京族|Gin", "50|塔塔尔族|Tatar", "51|独龙族|Derung", "52|鄂伦春族|Oroqen", "53|赫哲族|Hezhen", "54|门巴族|Monpa",
        "55|珞巴族|Lhoba", "56|基诺族|Jino", "97|其他未识别民族|Other", "98|外国血统中国籍人士|Naturalised citizen of foreign origin");

    public static readonly CodeList Abo = CodeList.Of("abo", "WS 364 CV04.50.005", Gb, "1|A型|A", "2|B型|B", "3|O型|O", "4|AB型|AB", "5|不详|Unknown");

    public static readonly CodeList Rh = CodeList.Of("rh", "WS 364 CV04.50.020", Gb, "1|Rh阴性|Rh negative", "2|Rh阳性|Rh positive", "3|不详|Unknown");

    public static readonly CodeList Education = CodeList.Of("education", "个人基本信息表 文化程度", Spec3,
        "1|研究生|Postgraduate", "2|大学本科|Bachelor", "3|大学专科和专科学校|College", "4|中等专业学校|Technical secondary school",
        "5|技工学校|Vocational school", "6|高中|Senior high school", "7|初中|Junior high school", "8|小学|Primary school",
        "9|文盲或半文盲|Illiterate or semi-literate", "10|不详|Unknown");

    public static readonly CodeList Occupation = CodeList.Of("occupation", "个人基本信息表 职业 (GB/T 6565)", Spec3,
        "0|国家机关、党群组织、企业、事业单位负责人|Heads of organisations", "1|专业技术人员|Professionals",
        "2|办事人员和有关人员|Clerical staff", "3|商业、服务业人员|Commerce and service workers",
        "4|农、林、牧、渔、水利业生产人员|Agriculture, forestry, fishery", "5|生产、运输设备操作人员及有关人员|Production and transport operators",
        "6|军人|Military", "7|不便分类的其他从业人员|Other workers", "8|无职业|No occupation");

    // Form codes 1–5 differ from GB/T 2261.2 (10/20/30/40/90): the Standard column is the mapping.
    public static readonly CodeList Marital = CodeList.Of("marital", "个人基本信息表 婚姻状况", Spec3,
        "1|未婚|Single|10", "2|已婚|Married|20", "3|丧偶|Widowed|30", "4|离婚|Divorced|40", "5|未说明的婚姻状况|Not stated|90");

    public static readonly CodeList Payment = CodeList.Of("payment", "个人基本信息表 医疗费用支付方式", Spec3,
        "1|城镇职工基本医疗保险|Urban employee insurance", "2|城镇居民基本医疗保险|Urban resident insurance", "3|新型农村合作医疗|Rural cooperative insurance",
        "4|贫困救助|Poverty relief", "5|商业医疗保险|Commercial insurance", "6|全公费|Fully public", "7|全自费|Fully self-paid", "8|其他|Other");

    public static readonly CodeList DrugAllergy = CodeList.Of("drug-allergy", "个人基本信息表 药物过敏史", Spec3,
        "1|无|None", "2|青霉素|Penicillin", "3|磺胺|Sulfonamides", "4|链霉素|Streptomycin", "5|其他|Other");

    public static readonly CodeList Exposure = CodeList.Of("exposure", "个人基本信息表 暴露史", Spec3,
        "1|无|None", "2|化学品|Chemicals", "3|毒物|Toxins", "4|射线|Radiation");

    public static readonly CodeList PastDisease = CodeList.Of("past-disease", "个人基本信息表 既往史 疾病", Spec3,
        "1|无|None", "2|高血压|Hypertension", "3|糖尿病|Diabetes", "4|冠心病|Coronary heart disease", "5|慢性阻塞性肺疾病|COPD",
        "6|恶性肿瘤|Malignant tumour", "7|脑卒中|Stroke", "8|严重精神障碍|Severe mental disorder", "9|结核病|Tuberculosis",
        "10|肝炎|Hepatitis", "11|其他法定传染病|Other notifiable infectious disease", "12|职业病|Occupational disease", "13|其他|Other");

    public static readonly CodeList FamilyDisease = CodeList.Of("family-disease", "个人基本信息表 家族史", Spec3,
        "1|无|None", "2|高血压|Hypertension", "3|糖尿病|Diabetes", "4|冠心病|Coronary heart disease", "5|慢性阻塞性肺疾病|COPD",
        "6|恶性肿瘤|Malignant tumour", "7|脑卒中|Stroke", "8|严重精神障碍|Severe mental disorder", "9|结核病|Tuberculosis",
        "10|肝炎|Hepatitis", "11|先天畸形|Congenital malformation", "12|其他|Other");

    public static readonly CodeList Disability = CodeList.Of("disability", "个人基本信息表 残疾情况", Spec3,
        "1|无残疾|None", "2|视力残疾|Visual", "3|听力残疾|Hearing", "4|言语残疾|Speech", "5|肢体残疾|Physical", "6|智力残疾|Intellectual",
        "7|精神残疾|Mental", "8|其他残疾|Other");

    public static readonly CodeList KitchenVentilation = CodeList.Of("kitchen-ventilation", "个人基本信息表 厨房排风设施", Spec3,
        "1|无|None", "2|油烟机|Range hood", "3|换气扇|Exhaust fan", "4|烟囱|Chimney");

    public static readonly CodeList Fuel = CodeList.Of("fuel", "个人基本信息表 燃料类型", Spec3,
        "1|液化气|LPG", "2|煤|Coal", "3|天然气|Natural gas", "4|沼气|Biogas", "5|柴火|Firewood", "6|其他|Other");

    public static readonly CodeList Water = CodeList.Of("water", "个人基本信息表 饮水", Spec3,
        "1|自来水|Tap water", "2|经净化过滤的水|Purified water", "3|井水|Well water", "4|河湖水|River or lake water", "5|塘水|Pond water", "6|其他|Other");

    public static readonly CodeList Toilet = CodeList.Of("toilet", "个人基本信息表 厕所", Spec3,
        "1|卫生厕所|Sanitary toilet", "2|一格或二格粪池式|One/two-compartment pit", "3|马桶|Commode", "4|露天粪坑|Open pit", "5|简易棚厕|Simple shed latrine");

    public static readonly CodeList Livestock = CodeList.Of("livestock", "个人基本信息表 禽畜栏", Spec3,
        "1|无|None", "2|单设|Separate", "3|室内|Indoors", "4|室外|Outdoors");

    // GB/T 4761 家庭关系 (simplified; unverified against the full standard).
    public static readonly CodeList Relationship = CodeList.Of("relationship", "GB/T 4761", Gb,
        "01|户主|Head", "10|配偶|Spouse", "20|子|Son", "30|女|Daughter", "40|孙子女|Grandchild", "50|父母|Parent",
        "60|祖父母|Grandparent", "70|兄弟姐妹|Sibling", "80|儿媳/女婿|Child-in-law", "99|其他|Other");

    public static readonly CodeList CloseReason = CodeList.Of("close-reason", "规范 第三版 档案管理", Spec3,
        "death|死亡|Death", "moved-out|迁出|Moved out", "lost|失访|Lost to follow-up");

    public static IReadOnlyList<CodeList> All { get; } =
    [
        DocumentType, Sex, ResidenceType, Ethnicity, Abo, Rh, Education, Occupation, Marital, Payment, DrugAllergy, Exposure,
        PastDisease, FamilyDisease, Disability, KitchenVentilation, Fuel, Water, Toilet, Livestock, Relationship, CloseReason,
    ];
}
