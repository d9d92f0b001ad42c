using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityHealth.Domain.Common;
using Microsoft.AspNetCore.Http.Metadata;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// A request the minimal-API binder refused (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/> is on, so it throws
/// <see cref="BadHttpRequestException"/>) as the one error vocabulary's <see cref="Invalid"/>, naming the parameter:
/// an unknown enum value, a malformed date, guid or number, a missing required parameter, a body that is not JSON.
/// The framework tells which parameter only in its message (stable since .NET 6; <c>BadRequestTests</c> pins it).
/// </summary>
public static partial class BadRequests
{
    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided""", RegexOptions.Singleline)]
    private static partial Regex Missing();

    [GeneratedRegex("""^Failed to read parameter "(?<type>.+) (?<name>[^ "]+)" from the request body as JSON\.""", RegexOptions.Singleline)]
    private static partial Regex BadJson();

    /// <summary>The parameter at fault with a message key; null when the exception names no parameter (a body too large, say).</summary>
    public static Invalid? From(BadHttpRequestException bad, Endpoint? endpoint)
    {
        if (BindFailed().Match(bad.Message) is { Success: true } b)
        {
            var (name, type) = Parameter(endpoint, b.Groups["name"].Value, b.Groups["type"].Value);
            return new Invalid([Malformed(name, type, b.Groups["value"].Value)]);
        }
        if (Missing().Match(bad.Message) is { Success: true } m)
            return new Invalid(Parameter(endpoint, m.Groups["name"].Value, m.Groups["type"].Value).Name, "error.required");
        if (BadJson().Match(bad.Message) is { Success: true })
        {
            // the JSON path of the value the serializer stopped at ($.birthDate → birthDate), or the body as a whole
            var path = (bad.InnerException as JsonException)?.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
            return new Invalid(path, "error.json");
        }
        return null;
    }

    private static FieldError Malformed(string name, Type? type, string value)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t is { IsEnum: true }) return new FieldError(name, "error.parameter.enum", value, string.Join(", ", Enum.GetNames(t)));
        return t switch
        {
            _ when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => new FieldError(name, "error.date_format"),
            _ when t == typeof(TimeOnly) => new FieldError(name, "error.time_format"),
            _ when t == typeof(Guid) => new FieldError(name, "error.parameter.guid", value),
            _ when t == typeof(bool) => new FieldError(name, "error.parameter.boolean", value),
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(decimal) || t == typeof(double) => new FieldError(name, "error.number"),
            _ => new FieldError(name, "error.parameter.invalid", value),
        };
    }

    /// <summary>
    /// The name the client sent (a <c>[FromQuery(Name = …)]</c> wins over the C# name) and the parameter's type, read from
    /// the handler's signature; the type named in the message is the fallback (a parameter inside <c>[AsParameters]</c>).
    /// </summary>
    private static (string Name, Type? Type) Parameter(Endpoint? endpoint, string name, string typeName)
    {
        var p = endpoint?.Metadata.OfType<MethodInfo>().SelectMany(m => m.GetParameters()).FirstOrDefault(x => x.Name == name);
        if (p is null) return (name, ByName(typeName));
        var wire = p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
            ?? p.GetCustomAttributes().OfType<IFromRouteMetadata>().FirstOrDefault()?.Name
            ?? p.GetCustomAttributes().OfType<IFromHeaderMetadata>().FirstOrDefault()?.Name;
        return (string.IsNullOrEmpty(wire) ? name : wire, p.ParameterType);
    }

    private static Type? ByName(string typeName) => typeName.Replace("?", "").Replace("Nullable<", "").TrimEnd('>') switch
    {
        "DateOnly" => typeof(DateOnly),
        "DateTime" => typeof(DateTime),
        "DateTimeOffset" => typeof(DateTimeOffset),
        "Guid" => typeof(Guid),
        "bool" or "Boolean" => typeof(bool),
        "int" or "Int32" or "long" or "Int64" or "decimal" or "Decimal" or "double" or "Double" => typeof(int),
        _ => null,
    };
}
