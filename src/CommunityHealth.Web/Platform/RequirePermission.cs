using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Fhir;
using Microsoft.AspNetCore.Authorization;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// Declares the permission a page needs (<c>@attribute [RequirePermission(Permission.X)]</c>); it is an authorization
/// policy over the one table in <see cref="Permissions"/>, so the router shows the "no permission" view.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequirePermissionAttribute(Permission permission) : AuthorizeAttribute(PolicyName(permission))
{
    public Permission Permission { get; } = permission;

    public static string PolicyName(Permission p) => "permission:" + p;
}

/// <summary>The permission an endpoint declared (the endpoint test reads it).</summary>
public sealed record PermissionMetadata(Permission Permission);

public static class PermissionEndpoints
{
    /// <summary>
    /// The endpoint (or every endpoint of the group) needs <paramref name="permission"/>. The most specific declaration
    /// wins: a route's own overrides its group's.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PermissionMetadata(permission));

    /// <summary>A group whose reads (GET, HEAD) need <paramref name="read"/> and whose other routes need <paramref name="write"/>.</summary>
    public static TBuilder RequirePermissions<TBuilder>(this TBuilder builder, Permission read, Permission write) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(b =>
        {
            var methods = b.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var isRead = methods.Count > 0 && methods.All(m => m is "GET" or "HEAD");
            b.Metadata.Add(new PermissionMetadata(isRead ? read : write));
        });
        return builder;
    }

    /// <summary>
    /// Refuses a request whose endpoint declares a permission the signed-in user lacks: 403 as the route's own errors
    /// are (ProblemDetails under /api, OperationOutcome under /fhir), before any handler runs.
    /// </summary>
    public static IApplicationBuilder UsePermissions(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.GetEndpoint()?.Metadata.GetOrderedMetadata<PermissionMetadata>() is { Count: > 0 } declared
            && await ctx.RequestServices.GetRequiredService<CurrentUser>().FindAsync() is { } staff
            && !staff.Can(declared[^1].Permission))
        {
            var forbidden = new Forbidden();
            await (ctx.Request.Path.StartsWithSegments("/fhir") ? FhirJson.Outcome(forbidden) : Problems.From(forbidden)).ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    });

    /// <summary>One authorization policy per permission, for pages.</summary>
    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o =>
        {
            foreach (var p in Enum.GetValues<Permission>())
                o.AddPolicy(RequirePermissionAttribute.PolicyName(p), b => b.RequireAuthenticatedUser()
                    .RequireAssertion(c => Permissions.Allows(c.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(r => r.Value), p)));
        });
        return services;
    }
}
