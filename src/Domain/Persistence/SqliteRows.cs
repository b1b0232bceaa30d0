using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Store.Domain.Persistence;

/// <summary>
/// SQLite's fast path for <see cref="BulkInsert"/> and <see cref="BulkUpdate"/>: one single-row INSERT or UPDATE prepared
/// once on the connection's handle and stepped per row, its values bound by position. Microsoft.Data.Sqlite looks every
/// parameter up by name at every execution, which costs more than the insert itself. Each statement's values are bound
/// by a method compiled once from the EF model (the property read, its value converter, the bind call): no value is
/// boxed or formatted into a new string. Values are stored exactly as Microsoft.Data.Sqlite stores them (GUIDs as
/// upper-case text, decimals as invariant text, dates as ISO text), so that EF reads and queries them back.
/// </summary>
internal static class SqliteRows
{
    private const string DecimalFormat = "0.0###########################";

    /// <summary>The binder of each statement, by its text (which names the table and the columns in order).</summary>
    private static readonly ConcurrentDictionary<string, Delegate> Binders = new(StringComparer.Ordinal);

    public static void Insert<T>(SqliteConnection connection, string insertText, IReadOnlyList<T> rows, IProperty[] properties)
        where T : class
    {
        var text = new System.Text.StringBuilder(insertText).Append('(').AppendJoin(", ", Enumerable.Repeat("?", properties.Length)).Append(')').ToString();
        Step(connection, text, rows, properties, eachChangesOne: false);
    }

    /// <summary>
    /// Steps <paramref name="updateText"/>, an UPDATE of one row whose parameters are <paramref name="properties"/> in
    /// order, once per row; a row the database no longer holds throws (<see cref="BulkUpdate"/>).
    /// </summary>
    public static void Update<T>(SqliteConnection connection, string updateText, IReadOnlyList<T> rows, IProperty[] properties)
        where T : class =>
        Step(connection, updateText, rows, properties, eachChangesOne: true);

    private static void Step<T>(SqliteConnection connection, string text, IReadOnlyList<T> rows, IProperty[] properties, bool eachChangesOne)
        where T : class
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open: bulk writes run inside a transaction.");
        var bind = (Func<sqlite3_stmt, T, int>)Binders.GetOrAdd(text, static (_, properties) => Binder<T>(properties), properties);
        Check(handle, raw.sqlite3_prepare_v2(handle, text, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                Check(handle, bind(statement, row));
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(handle, done);
                }

                if (eachChangesOne && raw.sqlite3_changes(handle) != 1)
                {
                    throw new InvalidOperationException($"A {typeof(T).Name} to update is no longer in the database.");
                }

                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>
    /// (statement, row) => the parameters bound one by one, stopping at the first failure: SQLite's result code.
    /// </summary>
    private static Func<sqlite3_stmt, T, int> Binder<T>(IProperty[] properties)
    {
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var row = Expression.Parameter(typeof(T), "row");
        var rc = Expression.Variable(typeof(int), "rc");
        var failed = Expression.Label(typeof(int), "failed");
        var body = new List<Expression>();
        for (var i = 0; i < properties.Length; i++)
        {
            var member = properties[i].GetMemberInfo(forMaterialization: false, forSet: false);
            Expression value = Expression.MakeMemberAccess(row, member);
            if (properties[i].GetRelationalTypeMapping().Converter is { } converter)
            {
                var toProvider = converter.ConvertToProviderExpression;
                var model = toProvider.Parameters[0].Type;
                if (value.Type != model && Nullable.GetUnderlyingType(value.Type) == model)
                {
                    // A nullable property's converter converts the value: null stays null.
                    var read = Expression.Variable(value.Type, "read");
                    var provider = toProvider.ReturnType.IsValueType ? typeof(Nullable<>).MakeGenericType(toProvider.ReturnType) : toProvider.ReturnType;
                    value = Expression.Block(
                        provider,
                        [read],
                        Expression.Assign(read, value),
                        Expression.Condition(
                            Expression.Property(read, "HasValue"),
                            Expression.Convert(Expression.Invoke(toProvider, Expression.Property(read, "Value")), provider),
                            Expression.Constant(null, provider)));
                }
                else
                {
                    value = Expression.Invoke(toProvider, value.Type == model ? value : Expression.Convert(value, model));
                }
            }

            body.Add(Expression.Assign(rc, BindCall(statement, i + 1, value, properties[i])));
            body.Add(Expression.IfThen(Expression.NotEqual(rc, Expression.Constant(raw.SQLITE_OK)), Expression.Return(failed, rc)));
        }

        body.Add(Expression.Label(failed, Expression.Constant(raw.SQLITE_OK)));
        return Expression.Lambda<Func<sqlite3_stmt, T, int>>(Expression.Block([rc], body), statement, row).Compile();
    }

    private static Expression BindCall(ParameterExpression statement, int index, Expression value, IProperty property)
    {
        var type = value.Type;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            var read = Expression.Variable(type, "nullable");
            return Expression.Block(
                typeof(int),
                [read],
                Expression.Assign(read, value),
                Expression.Condition(
                    Expression.Property(read, "HasValue"),
                    BindCall(statement, index, Expression.Property(read, "Value"), property),
                    Expression.Call(Method(nameof(BindNull)), statement, Expression.Constant(index))));
        }

        var (method, argument) = type switch
        {
            _ when type == typeof(string) => (nameof(BindText), value),
            _ when type == typeof(Guid) => (nameof(BindGuid), value),
            _ when type == typeof(decimal) => (nameof(BindDecimal), value),
            _ when type == typeof(DateOnly) => (nameof(BindDate), value),
            _ when type == typeof(DateTime) => (nameof(BindDateTime), value),
            _ when type == typeof(bool) => (nameof(BindBoolean), value),
            _ when type == typeof(byte[]) => (nameof(BindBlob), value),
            _ when type == typeof(double) || type == typeof(float) => (nameof(BindReal), Expression.Convert(value, typeof(double))),
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) => (nameof(BindInteger), Expression.Convert(value, typeof(long))),
            _ when type.IsEnum => (nameof(BindInteger), Expression.Convert(value, typeof(long))),
            _ => throw new NotSupportedException($"Bulk writes do not store {type.Name} values on SQLite ({property.DeclaringType.DisplayName()}.{property.Name}); map the property with a value converter."),
        };
        return Expression.Call(Method(method), statement, Expression.Constant(index), argument);
    }

    private static MethodInfo Method(string name) => typeof(SqliteRows).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    // Text goes to SQLite as UTF-16, formatted on the stack: SQLite converts it to the file's UTF-8 itself.
    private static int BindText(sqlite3_stmt statement, int index, string? value) =>
        value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text16(statement, index, value);

    private static int BindNull(sqlite3_stmt statement, int index) => raw.sqlite3_bind_null(statement, index);

    /// <summary>The GUID as Microsoft.Data.Sqlite writes it: 36 characters, upper case.</summary>
    private static int BindGuid(sqlite3_stmt statement, int index, Guid value)
    {
        Span<char> text = stackalloc char[36];
        value.TryFormat(text, out _);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= 'a' and <= 'f')
            {
                text[i] = (char)(text[i] - ('a' - 'A'));
            }
        }

        return raw.sqlite3_bind_text16(statement, index, text);
    }

    private static int BindDecimal(sqlite3_stmt statement, int index, decimal value)
    {
        Span<char> text = stackalloc char[48];
        value.TryFormat(text, out var written, DecimalFormat, CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text16(statement, index, text[..written]);
    }

    private static int BindDate(sqlite3_stmt statement, int index, DateOnly value)
    {
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out var written, "yyyy\\-MM\\-dd", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text16(statement, index, text[..written]);
    }

    private static int BindDateTime(sqlite3_stmt statement, int index, DateTime value)
    {
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var written, "yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text16(statement, index, text[..written]);
    }

    private static int BindBoolean(sqlite3_stmt statement, int index, bool value) => raw.sqlite3_bind_int64(statement, index, value ? 1 : 0);

    private static int BindInteger(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int BindReal(sqlite3_stmt statement, int index, double value) => raw.sqlite3_bind_double(statement, index, value);

    private static int BindBlob(sqlite3_stmt statement, int index, byte[]? value) =>
        value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_blob(statement, index, value);

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
        }
    }
}
