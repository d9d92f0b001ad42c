using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CommunityHealth.Data;

/// <summary>Caches one model per context type and <see cref="ScopeLevel"/>, since each level has its own query filters.</summary>
public sealed class ScopedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is HealthDbContext h ? h.ModelLevel : ScopeLevel.System, designTime);
}
