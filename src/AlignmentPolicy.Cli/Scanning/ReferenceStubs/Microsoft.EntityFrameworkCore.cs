// Reference stub (compiled by the scan, never run): Entity Framework Core (Microsoft.EntityFrameworkCore), which the package mirror does
// not serve. SaveChanges writes what a tool added, changed or removed; raw SQL and bulk ExecuteDelete/ExecuteUpdate write at once. Without
// this stub a tool's repository (DbContext subclass, DbSet members) does not bind and ALN0002 cannot see its writes. Only the surface agent
// code and its repositories call is declared; bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore
{
    public class DbContextOptions { }
    public class DbContextOptions<TContext> : DbContextOptions where TContext : DbContext { }

    public class DbContextOptionsBuilder
    {
        public DbContextOptionsBuilder() { }
        public DbContextOptionsBuilder(DbContextOptions options) { }
        public virtual DbContextOptions Options => throw null!;
        public virtual bool IsConfigured => throw null!;
    }

    public class DbContextOptionsBuilder<TContext> : DbContextOptionsBuilder where TContext : DbContext
    {
        public new virtual DbContextOptions<TContext> Options => throw null!;
    }

    public class ModelBuilder
    {
        public virtual Metadata.Builders.EntityTypeBuilder<TEntity> Entity<TEntity>() where TEntity : class => throw null!;
        public virtual ModelBuilder Entity<TEntity>(Action<Metadata.Builders.EntityTypeBuilder<TEntity>> buildAction) where TEntity : class => throw null!;
        public virtual ModelBuilder ApplyConfigurationsFromAssembly(System.Reflection.Assembly assembly, Func<Type, bool>? predicate = null) => throw null!;
        public virtual ModelBuilder HasDefaultSchema(string? schema) => throw null!;
    }

    public class DbContext : IDisposable, IAsyncDisposable
    {
        protected DbContext() { }
        public DbContext(DbContextOptions options) { }
        public virtual DatabaseFacade Database => throw null!;
        public virtual ChangeTracker ChangeTracker => throw null!;
        public virtual DbSet<TEntity> Set<TEntity>() where TEntity : class => throw null!;
        public virtual int SaveChanges() => throw null!;
        public virtual int SaveChanges(bool acceptAllChangesOnSuccess) => throw null!;
        public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) => throw null!;
        public virtual EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class => throw null!;
        public virtual EntityEntry<TEntity> Add<TEntity>(TEntity entity) where TEntity : class => throw null!;
        public virtual EntityEntry<TEntity> Update<TEntity>(TEntity entity) where TEntity : class => throw null!;
        public virtual EntityEntry<TEntity> Remove<TEntity>(TEntity entity) where TEntity : class => throw null!;
        public virtual TEntity? Find<TEntity>(params object?[]? keyValues) where TEntity : class => throw null!;
        public virtual ValueTask<TEntity?> FindAsync<TEntity>(params object?[]? keyValues) where TEntity : class => throw null!;
        protected internal virtual void OnConfiguring(DbContextOptionsBuilder optionsBuilder) { }
        protected internal virtual void OnModelCreating(ModelBuilder modelBuilder) { }
        public virtual void Dispose() { }
        public virtual ValueTask DisposeAsync() => default;
    }

    public abstract class DbSet<TEntity> : IQueryable<TEntity>, IAsyncEnumerable<TEntity> where TEntity : class
    {
        public virtual EntityEntry<TEntity> Add(TEntity entity) => throw null!;
        public virtual ValueTask<EntityEntry<TEntity>> AddAsync(TEntity entity, CancellationToken cancellationToken = default) => throw null!;
        public virtual void AddRange(params TEntity[] entities) { }
        public virtual void AddRange(IEnumerable<TEntity> entities) { }
        public virtual Task AddRangeAsync(params TEntity[] entities) => throw null!;
        public virtual Task AddRangeAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default) => throw null!;
        public virtual EntityEntry<TEntity> Update(TEntity entity) => throw null!;
        public virtual void UpdateRange(params TEntity[] entities) { }
        public virtual EntityEntry<TEntity> Remove(TEntity entity) => throw null!;
        public virtual void RemoveRange(params TEntity[] entities) { }
        public virtual void RemoveRange(IEnumerable<TEntity> entities) { }
        public virtual EntityEntry<TEntity> Attach(TEntity entity) => throw null!;
        public virtual TEntity? Find(params object?[]? keyValues) => throw null!;
        public virtual ValueTask<TEntity?> FindAsync(params object?[]? keyValues) => throw null!;
        public virtual ValueTask<TEntity?> FindAsync(object?[]? keyValues, CancellationToken cancellationToken) => throw null!;
        public virtual IQueryable<TEntity> AsQueryable() => this;
        Type IQueryable.ElementType => throw null!;
        Expression IQueryable.Expression => throw null!;
        IQueryProvider IQueryable.Provider => throw null!;
        IEnumerator<TEntity> IEnumerable<TEntity>.GetEnumerator() => throw null!;
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => throw null!;
        IAsyncEnumerator<TEntity> IAsyncEnumerable<TEntity>.GetAsyncEnumerator(CancellationToken cancellationToken) => throw null!;
    }

    public static class EntityFrameworkQueryableExtensions
    {
        public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static Task<TSource[]> ToArrayAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static Task<TSource> FirstAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static Task<TSource> FirstAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) => throw null!;
        public static Task<TSource?> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static Task<TSource?> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) => throw null!;
        public static Task<TSource> SingleAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) => throw null!;
        public static Task<TSource?> SingleOrDefaultAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static Task<TSource?> SingleOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) => throw null!;
        public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) => throw null!;
        public static Task<int> CountAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static Task<int> CountAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) => throw null!;
        public static Task<long> LongCountAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static IQueryable<TEntity> AsNoTracking<TEntity>(this IQueryable<TEntity> source) where TEntity : class => throw null!;
        public static IQueryable<TEntity> AsTracking<TEntity>(this IQueryable<TEntity> source) where TEntity : class => throw null!;
        public static IQueryable<TEntity> Include<TEntity, TProperty>(this IQueryable<TEntity> source, Expression<Func<TEntity, TProperty>> navigationPropertyPath) where TEntity : class => throw null!;
        public static IQueryable<TEntity> Include<TEntity>(this IQueryable<TEntity> source, string navigationPropertyPath) where TEntity : class => throw null!;
        public static Task<int> ExecuteDeleteAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) => throw null!;
        public static int ExecuteDelete<TSource>(this IQueryable<TSource> source) => throw null!;
    }

    public static class RelationalDatabaseFacadeExtensions
    {
        public static int ExecuteSqlRaw(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => throw null!;
        public static Task<int> ExecuteSqlRawAsync(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => throw null!;
        public static Task<int> ExecuteSqlRawAsync(this DatabaseFacade databaseFacade, string sql, CancellationToken cancellationToken = default) => throw null!;
        public static int ExecuteSqlInterpolated(this DatabaseFacade databaseFacade, FormattableString sql) => throw null!;
        public static Task<int> ExecuteSqlInterpolatedAsync(this DatabaseFacade databaseFacade, FormattableString sql, CancellationToken cancellationToken = default) => throw null!;
        public static Task<int> ExecuteSqlAsync(this DatabaseFacade databaseFacade, FormattableString sql, CancellationToken cancellationToken = default) => throw null!;
        public static Task MigrateAsync(this DatabaseFacade databaseFacade, CancellationToken cancellationToken = default) => throw null!;
        public static void Migrate(this DatabaseFacade databaseFacade) { }
    }
}

namespace Microsoft.EntityFrameworkCore.Infrastructure
{
    public class DatabaseFacade
    {
        public virtual bool EnsureCreated() => throw null!;
        public virtual Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual bool EnsureDeleted() => throw null!;
        public virtual Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual bool CanConnect() => throw null!;
        public virtual Task<bool> CanConnectAsync(CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace Microsoft.EntityFrameworkCore.ChangeTracking
{
    public class ChangeTracker
    {
        public virtual bool HasChanges() => throw null!;
        public virtual void Clear() { }
    }

    public class EntityEntry<TEntity> where TEntity : class
    {
        public virtual TEntity Entity => throw null!;
        public virtual EntityState State { get; set; }
    }

    public enum EntityState { Detached, Unchanged, Deleted, Modified, Added }
}

namespace Microsoft.EntityFrameworkCore.Metadata.Builders
{
    public class EntityTypeBuilder<TEntity> where TEntity : class
    {
        public virtual EntityTypeBuilder<TEntity> ToTable(string? name) => throw null!;
        public virtual object HasKey(Expression<Func<TEntity, object?>> keyExpression) => throw null!;
        public virtual object HasKey(params string[] propertyNames) => throw null!;
        public virtual EntityTypeBuilder<TEntity> HasData(params object[] data) => throw null!;
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public static class EntityFrameworkServiceCollectionExtensions
    {
        public static IServiceCollection AddDbContext<TContext>(this IServiceCollection serviceCollection, Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null, ServiceLifetime contextLifetime = ServiceLifetime.Scoped, ServiceLifetime optionsLifetime = ServiceLifetime.Scoped) where TContext : Microsoft.EntityFrameworkCore.DbContext => throw null!;
        public static IServiceCollection AddDbContext<TContext>(this IServiceCollection serviceCollection, Action<IServiceProvider, Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction, ServiceLifetime contextLifetime = ServiceLifetime.Scoped, ServiceLifetime optionsLifetime = ServiceLifetime.Scoped) where TContext : Microsoft.EntityFrameworkCore.DbContext => throw null!;
        public static IServiceCollection AddDbContextFactory<TContext>(this IServiceCollection serviceCollection, Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null, ServiceLifetime lifetime = ServiceLifetime.Singleton) where TContext : Microsoft.EntityFrameworkCore.DbContext => throw null!;
    }
}

namespace Microsoft.EntityFrameworkCore
{
    public interface IDbContextFactory<TContext> where TContext : DbContext
    {
        TContext CreateDbContext();
        Task<TContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => throw null!;
    }
}
