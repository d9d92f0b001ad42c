using CommunityHealth.Domain.Common;

namespace CommunityHealth.Web.Components.Shared;

/// <summary>Turns an <see cref="Error"/> into what a form shows: messages per field plus a general message.</summary>
public sealed class FormErrors
{
    public Dictionary<string, string[]> Fields { get; private set; } = [];
    public string? General { get; private set; }

    public void Clear() { Fields = []; General = null; }

    public void Show(Error error)
    {
        switch (error)
        {
            case Invalid i:
                Fields = Platform.Problems.FieldMessages(i.Errors.Where(e => e.Field.Length > 0));
                General = Platform.Text.Get("error.invalid");
                break;
            case Conflict c:
                Fields = Platform.Problems.FieldMessages([new FieldError(c.Field, c.MessageCode, c.Args)]);
                General = Platform.Text.Get("error.invalid");
                break;
            default:
                Fields = [];
                General = Platform.Text.Get(error.Code);
                break;
        }
    }
}
