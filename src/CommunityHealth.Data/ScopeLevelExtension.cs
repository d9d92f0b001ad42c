using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Data;

/// <summary>
/// Fixes the scope level of every context built from these options, so a pool of contexts serves one
/// level only (a pooled context keeps the model it was first built with; see docs/decisions/0001).
/// </summary>
public sealed class ScopeLevelExtension(ScopeLevel level) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public ScopeLevel Level => level;
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) { }

    public void Validate(IDbContextOptions options) { }

    private sealed class ExtensionInfo(ScopeLevelExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => $"ScopeLevel={extension.Level} ";
        public override int GetServiceProviderHashCode() => 0; // all levels share one internal service provider and model cache
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["ScopeLevel"] = extension.Level.ToString();
    }
}
