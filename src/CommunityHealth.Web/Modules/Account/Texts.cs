namespace CommunityHealth.Web.Modules.Account;

/// <summary>The texts of sign-in, in zh-CN and en-US (see <see cref="TextTable"/>).</summary>
public sealed class Texts : TextTable
{
    public override IEnumerable<(string Key, string Zh, string En)> Messages =>
    [
        ("error.login.failed", "用户名或密码错误", "Wrong user name or password"),
        ("error.login.locked", "登录失败次数过多，账号已锁定，请 15 分钟后再试或联系管理员", "Too many failed sign-ins; the account is locked for 15 minutes"),
        ("error.login.inactive", "该账号已停用，请联系管理员", "This account is deactivated"),
        ("action.sign-in", "登录", "Sign in"),
        ("action.sign-in-failed", "登录失败", "Failed sign-in"),
    ];
}
