// Reference stub (compiled by the scan, never run): Dapper, which the package mirror does not serve. Execute runs a statement that
// changes data (INSERT, UPDATE, DELETE); without this stub the calls do not bind and ALN0002 cannot see them. Only the surface agent
// code calls is declared; bodies are empty on purpose.
#nullable enable
using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;

namespace Dapper
{
    public static class SqlMapper
    {
        public static int Execute(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static Task<int> ExecuteAsync(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static int Execute(this IDbConnection cnn, CommandDefinition command) => throw null!;
        public static Task<int> ExecuteAsync(this IDbConnection cnn, CommandDefinition command) => throw null!;
        public static object? ExecuteScalar(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static T? ExecuteScalar<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static Task<T?> ExecuteScalarAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static IEnumerable<T> Query<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, bool buffered = true, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static T QueryFirst<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static Task<T> QueryFirstAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static T? QueryFirstOrDefault<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static Task<T?> QueryFirstOrDefaultAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static T QuerySingle<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static Task<T> QuerySingleAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static T? QuerySingleOrDefault<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
        public static Task<T?> QuerySingleOrDefaultAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => throw null!;
    }

    public readonly struct CommandDefinition
    {
        public CommandDefinition(string commandText, object? parameters = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null, CommandFlags flags = CommandFlags.Buffered, System.Threading.CancellationToken cancellationToken = default) { }
    }

    [System.Flags]
    public enum CommandFlags { None = 0, Buffered = 1, Pipelined = 2, NoCache = 4 }

    public class DynamicParameters
    {
        public DynamicParameters() { }
        public DynamicParameters(object? template) { }
        public void Add(string name, object? value = null, DbType? dbType = null, ParameterDirection? direction = null, int? size = null) { }
        public T Get<T>(string name) => throw null!;
    }
}
