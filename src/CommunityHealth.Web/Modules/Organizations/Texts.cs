namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>The texts of organisations and family-doctor teams, in zh-CN and en-US (see <see cref="TextTable"/>).</summary>
public sealed class Texts : TextTable
{
    public override IEnumerable<(string Key, string Zh, string En)> Messages =>
    [
        ("error.division_code.length_6", "区县行政区划代码应为 6 位数字", "A county division code is 6 digits"),
        ("error.division_code.length_9", "乡镇（街道）区划代码应为 9 位数字", "A township division code is 9 digits"),
        ("error.division_code.length_12", "村（居）委会区划代码应为 12 位数字", "A village committee division code is 12 digits"),
        ("error.division_code.county", "前 6 位不是有效的区县代码（GB/T 2260）", "The first 6 digits are not a valid county code (GB/T 2260)"),
        ("error.division_code.township", "第 7–9 位乡镇（街道）代码不能为 000", "Digits 7–9 (township) cannot be 000"),
        ("error.division_code.village", "第 10–12 位村（居）委会代码应为 001–099、101–199 或 901–999", "Digits 10–12 must be 001–099, 101–199 or 901–999"),
        ("error.division_code.outside_parent", "区划代码必须以上级机构的区划代码开头", "The code must start with the parent organisation's code"),
        ("error.division_code.duplicate", "该区划代码已被其他机构使用", "Another organisation already uses this code"),
        ("error.division_code.has_children", "该机构已有下级机构，不能修改区划代码", "This organisation has children; its code cannot change"),
        ("error.org.bureau_has_no_parent", "区卫生局不能有上级机构", "The bureau has no parent"),
        ("error.org.bureau_exists", "本区已有区卫生局，不能再新建", "The district already has a bureau"),
        ("error.org.parent_required", "请选择上级机构", "Choose a parent organisation"),
        ("error.org.center_parent", "社区卫生服务中心的上级必须是区卫生局", "A center's parent must be the bureau"),
        ("error.org.station_parent", "社区卫生服务站的上级必须是社区卫生服务中心", "A station's parent must be a center"),
        ("error.org.kind_unknown", "机构类型无效", "Unknown organisation kind"),
        ("error.team.owner_kind", "家庭医生团队只能属于社区卫生服务中心或服务站", "A team belongs to a center or a station"),
        ("error.team.too_many_grids", "一个团队最多负责 {0} 个网格", "A team covers at most {0} grids"),
        ("error.team.grid_empty", "网格名称不能为空", "Grid names cannot be empty"),
        ("error.team.grid_duplicate", "网格名称不能重复", "Grid names must be unique"),
        ("error.team.duplicate", "该机构已有同名团队", "The organisation already has a team with this name"),
        ("error.team.leader", "团队长必须是本机构的在职人员", "The leader must be active staff of the same organisation"),
    ];

    public override IEnumerable<(string Zh, string En)> Labels =>
    [
        ("机构管理", "Organisations"),
        ("家庭医生团队", "Family-doctor teams"),
        ("新建机构", "New organisation"),
        ("编辑机构", "Edit organisation"),
        ("机构类型", "Kind"),
        ("社区卫生服务中心", "Community health center"),
        ("区卫生局", "District health bureau"),
        ("上级机构", "Parent organisation"),
        ("机构名称", "Name"),
        ("行政区划代码", "Division code"),
        ("中心 9 位，服务站 12 位", "9 digits for a center, 12 for a station"),
        ("地址", "Address"),
        ("新建团队", "New team"),
        ("编辑团队", "Edit team"),
        ("团队名称", "Team name"),
        ("团队长", "Leader"),
        ("负责网格（每行一个）", "Grids covered (one per line)"),
        ("负责网格", "Grids"),
        ("成员数", "Members"),
    ];
}
