namespace CommunityHealth.Domain.Common;

/// <summary>Either a value or an <see cref="Error"/>.</summary>
public readonly struct Outcome<T>
{
    private readonly T? _value;

    public Outcome(T value) { _value = value; Error = null; }
    public Outcome(Error error) { _value = default; Error = error; }

    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"Outcome failed: {Error}");

    public static implicit operator Outcome<T>(T value) => new(value);
    public static implicit operator Outcome<T>(Error error) => new(error);
}

/// <summary>Collects field errors during validation so every fault is reported at once.</summary>
public sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public Validation Add(string field, string code, params object[] args)
    {
        _errors.Add(new FieldError(field, code, args));
        return this;
    }

    /// <summary>Required text, trimmed, within a maximum length.</summary>
    public Validation RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "error.required");
        if (value.Trim().Length > maxLength) Add(field, "error.too_long", maxLength);
        return this;
    }

    /// <summary>Optional text within a maximum length.</summary>
    public Validation OptionalText(string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength) Add(field, "error.too_long", maxLength);
        return this;
    }

    public Invalid? ToError() => HasErrors ? new Invalid(_errors.ToArray()) : null;
}
