using System.Globalization;
using System.Linq.Expressions;

namespace CommunityHealth.Web.Platform.Fhir;

/// <summary>FHIR date search parameters (eq, ge, gt, le, lt with a full yyyy-MM-dd date), applied to any date column.</summary>
public static class FhirDateSearch
{
    public static bool TryParse(string? value, out string prefix, out DateOnly date)
    {
        prefix = "eq";
        date = default;
        if (string.IsNullOrEmpty(value)) return false;
        var v = value;
        if (v.Length > 2 && char.IsLetter(v[0])) { prefix = v[..2]; v = v[2..]; }
        if (prefix is not ("eq" or "ge" or "gt" or "le" or "lt")) return false;
        return DateOnly.TryParseExact(v.Length >= 10 ? v[..10] : v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Each value narrows the query; null when one is not a valid date parameter (the caller answers 400).</summary>
    public static IQueryable<T>? Apply<T>(IQueryable<T> q, IEnumerable<string?> values, Expression<Func<T, DateOnly>> column)
    {
        foreach (var value in values)
        {
            if (value is null) continue;
            if (!TryParse(value, out var prefix, out var date)) return null;
            Expression<Func<DateOnly>> parameter = () => date; // a closure, so the database sees a parameter
            var left = column.Body;
            var right = parameter.Body;
            Expression body = prefix switch
            {
                "ge" => Expression.GreaterThanOrEqual(left, right),
                "gt" => Expression.GreaterThan(left, right),
                "le" => Expression.LessThanOrEqual(left, right),
                "lt" => Expression.LessThan(left, right),
                _ => Expression.Equal(left, right),
            };
            q = q.Where(Expression.Lambda<Func<T, bool>>(body, column.Parameters));
        }
        return q;
    }
}
