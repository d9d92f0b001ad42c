using System.Globalization;

namespace CommunityHealth.Web.Infrastructure;

/// <summary>
/// UI strings and error messages in Simplified Chinese (default) and English, keyed by stable codes.
/// Kept in code rather than .resx so a missing translation is a compile-visible table row
/// (see docs/decisions/0002-ui-text.md); a test checks that every key has both languages.
/// </summary>
public static partial class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Get(string key, params object[] args)
    {
        if (!Entries.TryGetValue(key, out var t)) return key;
        var s = IsEnglish ? t.En : t.Zh;
        return args.Length == 0 ? s : string.Format(CultureInfo.CurrentCulture, s, args);
    }

    public static IReadOnlyDictionary<string, (string Zh, string En)> All => Entries;

    private static readonly Dictionary<string, (string Zh, string En)> Entries = new()
    {
        // errors
        ["error.not_found"] = ("未找到该记录，或不在您的数据范围内", "Not found, or outside your data scope"),
        ["error.forbidden"] = ("您没有执行此操作的权限", "You are not allowed to do this"),
        ["error.invalid"] = ("提交的内容有误，请按提示修改", "Some input is invalid; please correct it"),
        ["error.required"] = ("此项为必填项", "This field is required"),
        ["error.too_long"] = ("长度不能超过 {0} 个字符", "Must be at most {0} characters"),
        ["error.division_code.length_6"] = ("区县行政区划代码应为 6 位数字", "A county division code is 6 digits"),
        ["error.division_code.length_9"] = ("乡镇（街道）区划代码应为 9 位数字", "A township division code is 9 digits"),
        ["error.division_code.length_12"] = ("村（居）委会区划代码应为 12 位数字", "A village committee division code is 12 digits"),
        ["error.division_code.county"] = ("前 6 位不是有效的区县代码（GB/T 2260）", "The first 6 digits are not a valid county code (GB/T 2260)"),
        ["error.division_code.township"] = ("第 7–9 位乡镇（街道）代码不能为 000", "Digits 7–9 (township) cannot be 000"),
        ["error.division_code.village"] = ("第 10–12 位村（居）委会代码应为 001–099、101–199 或 901–999", "Digits 10–12 must be 001–099, 101–199 or 901–999"),
        ["error.division_code.outside_parent"] = ("区划代码必须以上级机构的区划代码开头", "The code must start with the parent organisation's code"),
        ["error.division_code.duplicate"] = ("该区划代码已被其他机构使用", "Another organisation already uses this code"),
        ["error.division_code.has_children"] = ("该机构已有下级机构，不能修改区划代码", "This organisation has children; its code cannot change"),
        ["error.org.bureau_has_no_parent"] = ("区卫生局不能有上级机构", "The bureau has no parent"),
        ["error.org.bureau_exists"] = ("本区已有区卫生局，不能再新建", "The district already has a bureau"),
        ["error.org.parent_required"] = ("请选择上级机构", "Choose a parent organisation"),
        ["error.org.center_parent"] = ("社区卫生服务中心的上级必须是区卫生局", "A center's parent must be the bureau"),
        ["error.org.station_parent"] = ("社区卫生服务站的上级必须是社区卫生服务中心", "A station's parent must be a center"),
        ["error.org.kind_unknown"] = ("机构类型无效", "Unknown organisation kind"),
        ["error.team.owner_kind"] = ("家庭医生团队只能属于社区卫生服务中心或服务站", "A team belongs to a center or a station"),
        ["error.team.too_many_grids"] = ("一个团队最多负责 {0} 个网格", "A team covers at most {0} grids"),
        ["error.team.grid_empty"] = ("网格名称不能为空", "Grid names cannot be empty"),
        ["error.team.grid_duplicate"] = ("网格名称不能重复", "Grid names must be unique"),
        ["error.team.duplicate"] = ("该机构已有同名团队", "The organisation already has a team with this name"),
        ["error.team.leader"] = ("团队长必须是本机构的在职人员", "The leader must be active staff of the same organisation"),
        ["error.staff.username_length"] = ("用户名长度应为 3–32 个字符", "User names are 3–32 characters"),
        ["error.staff.username_chars"] = ("用户名须以小写字母开头，只能包含小写字母、数字、.、_、-", "User names start with a lower-case letter and use a–z, 0–9, '.', '_', '-'"),
        ["error.staff.username_taken"] = ("该用户名已被使用，请换一个", "This user name is already taken"),
        ["error.staff.password_length"] = ("密码长度至少 10 位", "Passwords have at least 10 characters"),
        ["error.staff.password_weak"] = ("密码强度不足：须同时包含大写字母、小写字母和数字，且不能过于重复", "Password too weak: use upper case, lower case and digits, not repetitive"),
        ["error.staff.password_contains_username"] = ("密码不能包含用户名", "The password must not contain the user name"),
        ["error.staff.role_required"] = ("请至少选择一个角色", "Choose at least one role"),
        ["error.staff.role_unknown"] = ("角色“{0}”不存在", "Role '{0}' does not exist"),
        ["error.staff.role_not_here"] = ("角色“{0}”不能在该类机构任职", "Role '{0}' cannot be held in this kind of organisation"),
        ["error.staff.role_grant"] = ("您不能授予角色“{0}”", "You cannot grant role '{0}'"),
        ["error.staff.team_org"] = ("所选团队不属于该机构", "The team does not belong to this organisation"),
        ["error.staff.self_deactivate"] = ("不能停用自己的账号", "You cannot deactivate your own account"),
        ["error.login.failed"] = ("用户名或密码错误", "Wrong user name or password"),
        ["error.login.locked"] = ("登录失败次数过多，账号已锁定，请 15 分钟后再试或联系管理员", "Too many failed sign-ins; the account is locked for 15 minutes"),
        ["error.login.inactive"] = ("该账号已停用，请联系管理员", "This account is deactivated"),
        ["error.unexpected"] = ("系统出现意外错误，请稍后重试；如持续出现请联系管理员并提供追踪号", "An unexpected error occurred; quote the trace id to support"),
        ["error.date_range"] = ("开始日期不能晚于结束日期", "The start date is after the end date"),
        ["error.idcard.chars"] = ("身份证号只能由数字组成，最后一位可以是 X", "ID numbers are digits, the last may be X"),
        ["error.idcard.length"] = ("身份证号应为 18 位（旧版 15 位）", "ID numbers have 18 digits (15 for legacy numbers)"),
        ["error.idcard.area"] = ("身份证号前 6 位地址码无效", "The first 6 digits are not an address code"),
        ["error.idcard.birthdate"] = ("身份证号中的出生日期无效或晚于今天", "The birth date in the ID number is invalid or in the future"),
        ["error.idcard.checksum"] = ("身份证号校验位不正确，请核对号码", "The ID number's check character is wrong; please check it"),
        ["error.code_unknown"] = ("不是有效的代码", "Not a valid code"),
        ["error.code_duplicate"] = ("同一选项不能重复选择", "An option is chosen twice"),
        ["error.none_exclusive"] = ("选择了“无”就不能再选其他项", "'None' cannot be combined with other options"),
        ["error.date_format"] = ("日期格式应为 yyyy-MM-dd，例如 2026-11-23", "Dates are yyyy-MM-dd, e.g. 2026-11-23"),
        ["error.date_future"] = ("日期不能晚于今天", "The date cannot be in the future"),
        ["error.date_too_early"] = ("日期过早，请核对", "The date is implausibly early"),
        ["error.date_before_birth"] = ("日期不能早于出生日期", "The date cannot be before the birth date"),
        ["error.phone"] = ("电话号码格式不正确（手机 11 位，或带区号的固定电话）", "Not a valid phone number (11-digit mobile or landline with area code)"),
        ["error.resident.name_chars"] = ("姓名只能包含汉字、字母、空格和“·”", "Names use letters, spaces and '·'"),
        ["error.resident.birthdate_mismatch"] = ("出生日期与身份证号不一致", "The birth date does not match the ID number"),
        ["error.resident.sex_mismatch"] = ("性别与身份证号不一致（第 17 位奇数为男，偶数为女）", "Sex does not match the ID number (17th digit odd = male)"),
        ["error.resident.number_without_document"] = ("选择“无证件”时不能填写证件号码", "No number when there is no document"),
        ["error.resident.id_registered"] = ("该身份证号已建档（档案编号 {0}），请勿重复建档", "This ID number already has a record ({0})"),
        ["error.resident.id_registered_elsewhere"] = ("该身份证号已在其他机构建档，请联系其管理机构办理迁入", "This ID number has a record in another organisation; ask it to transfer the record"),
        ["error.resident.bureau_cannot_manage"] = ("居民档案只能由社区卫生服务中心或服务站管理", "Records are managed by a center or station"),
        ["error.resident.numbers_exhausted"] = ("该机构的档案编号已用完，请联系管理员", "This organisation has used all its record numbers"),
        ["error.resident.merged"] = ("该档案已合并到其他档案，不能修改", "This record was merged into another"),
        ["error.resident.not_active"] = ("该档案已结案", "This record is closed"),
        ["error.resident.same_place"] = ("居民已在该机构和团队管理", "The resident is already managed there"),
        ["error.resident.death_cause_required"] = ("死亡结案须填写死亡原因", "A death needs its cause"),
        ["error.resident.search_empty"] = ("请输入姓名、拼音首字母、身份证号、电话或档案编号", "Type a name, pinyin initials, ID number, phone or record number"),
        ["error.fhir.full_date"] = ("日期须为完整的 YYYY-MM-DD 格式", "Dates must be full YYYY-MM-DD"),
        ["error.fhir.id_mismatch"] = ("资源 id 与地址中的 id 不一致", "The resource id differs from the URL"),
        ["error.fhir.not_patient"] = ("请求体必须是 Patient 资源", "The body must be a Patient resource"),
        ["error.fhir.malformed"] = ("FHIR JSON 格式错误：", "Malformed FHIR JSON:"),
        // record fields (history display)
        ["field.name"] = ("姓名", "Name"),
        ["field.documentType"] = ("证件类型", "Document type"),
        ["field.documentNumber"] = ("证件号码", "Document number"),
        ["field.sex"] = ("性别", "Sex"),
        ["field.birthDate"] = ("出生日期", "Birth date"),
        ["field.workUnit"] = ("工作单位", "Work unit"),
        ["field.phone"] = ("本人电话", "Phone"),
        ["field.contactName"] = ("联系人姓名", "Contact"),
        ["field.contactPhone"] = ("联系人电话", "Contact phone"),
        ["field.residenceType"] = ("常住类型", "Residence type"),
        ["field.ethnicity"] = ("民族", "Ethnicity"),
        ["field.abo"] = ("ABO血型", "ABO"),
        ["field.rh"] = ("Rh血型", "Rh"),
        ["field.education"] = ("文化程度", "Education"),
        ["field.occupation"] = ("职业", "Occupation"),
        ["field.marital"] = ("婚姻状况", "Marital status"),
        ["field.payments"] = ("医疗费用支付方式", "Payment"),
        ["field.paymentOther"] = ("其他支付方式", "Other payment"),
        ["field.drugAllergies"] = ("药物过敏史", "Drug allergies"),
        ["field.drugAllergyOther"] = ("其他过敏药物", "Other allergy"),
        ["field.exposures"] = ("暴露史", "Exposures"),
        ["field.pastIllnesses"] = ("既往疾病", "Past illnesses"),
        ["field.surgeries"] = ("手术", "Surgeries"),
        ["field.traumas"] = ("外伤", "Traumas"),
        ["field.transfusions"] = ("输血", "Transfusions"),
        ["field.familyHistory"] = ("家族史", "Family history"),
        ["field.geneticDisease"] = ("遗传病史", "Genetic disease"),
        ["field.disabilities"] = ("残疾情况", "Disabilities"),
        ["field.disabilityOther"] = ("其他残疾", "Other disability"),
        ["field.living"] = ("生活环境", "Living environment"),
        ["field.address"] = ("现住址", "Address"),
        ["field.organizationId"] = ("管理机构", "Managing organisation"),
        ["field.teamId"] = ("责任团队", "Team"),
        ["field.status"] = ("档案状态", "Status"),
        // roles
        ["role.SystemAdministrator"] = ("系统管理员", "System administrator"),
        ["role.BureauStaff"] = ("卫生局工作人员", "Bureau staff"),
        ["role.CenterDirector"] = ("中心主任", "Center director"),
        ["role.FamilyDoctor"] = ("家庭医生", "Family doctor"),
        ["role.Nurse"] = ("护士", "Nurse"),
        ["role.PublicHealth"] = ("公共卫生人员", "Public-health staff"),
        ["role.Pharmacist"] = ("药师", "Pharmacist"),
        ["role.Receptionist"] = ("挂号收费员", "Receptionist"),
        // audit actions
        ["action.create"] = ("新建", "Create"),
        ["action.update"] = ("修改", "Update"),
        ["action.close"] = ("停用/关闭", "Close"),
        ["action.view"] = ("查看", "View"),
        ["action.sign-in"] = ("登录", "Sign in"),
        ["action.sign-in-failed"] = ("登录失败", "Failed sign-in"),
    };
}
