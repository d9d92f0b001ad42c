namespace CommunityHealth.Domain.Common;

/// <summary>
/// The one error vocabulary. Expected failures are values, not exceptions; the web host maps them
/// once to RFC 9457 ProblemDetails and once to a FHIR OperationOutcome. <see cref="Code"/> is a
/// stable message key that the UI translates (zh-CN by default).
/// </summary>
public abstract record Error(string Code);

/// <summary>The thing asked for does not exist, or is outside the caller's data scope (never say which).</summary>
public sealed record NotFound(string Entity, string Id) : Error("error.not_found");

/// <summary>The caller may not do this.</summary>
public sealed record Forbidden(string Reason = "error.forbidden") : Error(Reason);

/// <summary>
/// The request conflicts with stored data (a duplicate account name, say). <see cref="Field"/> names the input at fault;
/// <see cref="Args"/> fill the message (which stored record it conflicts with, say).
/// </summary>
public sealed record Conflict(string Field, string MessageCode, params object[] Args) : Error(MessageCode);

/// <summary>One or more inputs are invalid; each entry is a field name and message keys.</summary>
public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Error("error.invalid")
{
    public Invalid(string field, string messageCode) : this([new FieldError(field, messageCode)]) { }
}

/// <summary>A message key for one input field, with optional arguments for the message text.</summary>
public sealed record FieldError(string Field, string MessageCode, params object[] Args);
