namespace CommunityHealth.Web.Modules.Staff;

/// <summary>The texts of staff accounts and roles, in zh-CN and en-US (see <see cref="TextTable"/>).</summary>
public sealed class Texts : TextTable
{
    public override IEnumerable<(string Key, string Zh, string En)> Messages =>
    [
        ("error.staff.username_length", "用户名长度应为 3–32 个字符", "User names are 3–32 characters"),
        ("error.staff.username_chars", "用户名须以小写字母开头，只能包含小写字母、数字、.、_、-", "User names start with a lower-case letter and use a–z, 0–9, '.', '_', '-'"),
        ("error.staff.username_taken", "该用户名已被使用，请换一个", "This user name is already taken"),
        ("error.staff.password_length", "密码长度至少 10 位", "Passwords have at least 10 characters"),
        ("error.staff.password_weak", "密码强度不足：须同时包含大写字母、小写字母和数字，且不能过于重复", "Password too weak: use upper case, lower case and digits, not repetitive"),
        ("error.staff.password_contains_username", "密码不能包含用户名", "The password must not contain the user name"),
        ("error.staff.role_required", "请至少选择一个角色", "Choose at least one role"),
        ("error.staff.role_unknown", "角色“{0}”不存在", "Role '{0}' does not exist"),
        ("error.staff.role_not_here", "角色“{0}”不能在该类机构任职", "Role '{0}' cannot be held in this kind of organisation"),
        ("error.staff.role_grant", "您不能授予角色“{0}”", "You cannot grant role '{0}'"),
        ("error.staff.team_org", "所选团队不属于该机构", "The team does not belong to this organisation"),
        ("error.staff.self_deactivate", "不能停用自己的账号", "You cannot deactivate your own account"),
        // roles
        ("role.SystemAdministrator", "系统管理员", "System administrator"),
        ("role.BureauStaff", "卫生局工作人员", "Bureau staff"),
        ("role.CenterDirector", "中心主任", "Center director"),
        ("role.FamilyDoctor", "家庭医生", "Family doctor"),
        ("role.Nurse", "护士", "Nurse"),
        ("role.PublicHealth", "公共卫生人员", "Public-health staff"),
        ("role.Pharmacist", "药师", "Pharmacist"),
        ("role.Receptionist", "挂号收费员", "Receptionist"),
    ];

    public override IEnumerable<(string Zh, string En)> Labels =>
    [
        ("人员账号", "Staff accounts"),
        ("新建账号", "New account"),
        ("编辑账号", "Edit account"),
        ("初始密码", "Initial password"),
        ("至少 10 位，含大小写字母和数字", "At least 10 characters with upper case, lower case and digits"),
        ("所属团队", "Team"),
        ("职称", "Title"),
        ("锁定", "Locked"),
        ("解锁", "Unlock"),
        ("重置密码", "Reset password"),
        ("新密码", "New password"),
        ("确认重置", "Confirm reset"),
        ("关键字", "Keyword"),
        ("密码已重置", "Password reset"),
        ("账号已解锁", "Account unlocked"),
    ];
}
