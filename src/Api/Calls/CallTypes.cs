using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Relay;
using Store.Domain.Calls;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Domain.Rating;

namespace Store.Api.Calls;

public sealed class CallType : ObjectGraphType<ListedCall>
{
    public const string TypeName = "Call";

    public CallType()
    {
        Name = TypeName;
        Description = "A call on one of the customer's numbers, with what it cost and the rule that priced it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Call.Id));
        Field<NonNullGraphType<StringGraphType>>("platformCallId").Resolve(ctx => ctx.Source.Call.PlatformCallId);
        Field<NonNullGraphType<StringGraphType>>("number").Description("The customer's number the call was on (E.164).").Resolve(ctx => ctx.Source.Call.Account);
        Field<NonNullGraphType<StringGraphType>>("user").Resolve(ctx => ctx.Source.Call.User);
        Field<NonNullGraphType<Live.CallDirectionType>>("direction").Resolve(ctx => ctx.Source.Call.Direction);
        Field<NonNullGraphType<StringGraphType>>("caller").Resolve(ctx => ctx.Source.Call.Caller);
        Field<NonNullGraphType<StringGraphType>>("callee").Resolve(ctx => ctx.Source.Call.Callee);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt").Resolve(ctx => ctx.Source.Call.StartedAt);
        Field<DateTimeOffsetGraphType>("answeredAt").Resolve(ctx => ctx.Source.Call.AnsweredAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endedAt").Resolve(ctx => ctx.Source.Call.EndedAt);
        Field<NonNullGraphType<BooleanGraphType>>("answered").Resolve(ctx => ctx.Source.Call.Disposition == CallDisposition.Answered);
        Field<NonNullGraphType<EnumerationGraphType<CallDisposition>>>("disposition").Resolve(ctx => ctx.Source.Call.Disposition);
        Field<NonNullGraphType<IntGraphType>>("seconds").Description("Billed seconds, from answer to hang-up.").Resolve(ctx => ctx.Source.Call.Seconds);
        Field<NonNullGraphType<IntGraphType>>("tariff").Description("Premium Smart Numbers: the tariff in force at answer.").Resolve(ctx => ctx.Source.Call.Tariff);
        Field<NonNullGraphType<DecimalGraphType>>("amount").Description("What the call costs the customer, excluding VAT, adjustments included (4 decimals; invoices round per line).").Resolve(ctx => ctx.Source.Amount);
        Field<StringGraphType>("currency").Resolve(ctx => ctx.Source.Currency?.ToString());
        Field<EnumerationGraphType<ChargeCategory>>("category").Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("rule")
            .Description("The rule that priced the call, in words, such as \"101st correspondent this month\".")
            .Argument<StringGraphType>("language", "fr or en; fr when omitted.")
            .Resolve(ctx => ctx.Source.RuleText(ctx.GetArgument<string?>("language") == "en" ? "en" : "fr"));
        Field<NonNullGraphType<DecimalGraphType>>("revenueShare").Description("Premium Smart Numbers: the holder's share of what the caller paid.").Resolve(ctx => ctx.Source.RevenueShare);
    }

    /// <summary>customer.calls: the detailed call list with the filters of 001, newest first.</summary>
    public static void AddTo(ObjectGraphType<Domain.Customers.Customer> customer)
    {
        customer.Field<NonNullGraphType<ConnectionType<CallType, ListedCall>>>("calls")
            .Description("The customer's calls, newest first. Filters: a period (from inclusive, to exclusive), a number, answered or missed, a tariff, a direction.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"1 to {PageRequest.MaxPage}.")
            .Argument<StringGraphType>("after")
            .Argument<DateTimeOffsetGraphType>("from")
            .Argument<DateTimeOffsetGraphType>("to")
            .Argument<IdGraphType>("numberId")
            .Argument<BooleanGraphType>("answered")
            .Argument<IntGraphType>("tariff")
            .Argument<Live.CallDirectionType>("direction")
            .RequireScope(StoreScopes.CustomersRead)
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int>("first");
                if (first is < 1 or > PageRequest.MaxPage)
                {
                    throw new ExecutionError($"first is 1 to {PageRequest.MaxPage}.") { Code = "BAD_USER_INPUT" };
                }

                Guid? numberId = null;
                if (ctx.GetArgument<string?>("numberId") is { } global)
                {
                    numberId = GlobalId.Decode(global) is { TypeName: Numbers.TelephoneNumberType.TypeName } id ? id.Id : Guid.Empty;
                }

                var filter = new CallFilter(ctx.GetArgument<DateTimeOffset?>("from"), ctx.GetArgument<DateTimeOffset?>("to"), numberId, ctx.GetArgument<bool?>("answered"), ctx.GetArgument<int?>("tariff"), ctx.GetArgument<CallDirection?>("direction"));
                var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
                var (calls, next) = await CallSearch.PageAsync(db, ctx.Source.Id, filter, first, ctx.GetArgument<string?>("after"), ctx.CancellationToken);
                var edges = calls.Select(c => new Edge<ListedCall>(CallSearch.CursorOf(c.Call), c)).ToList();
                var customerId = ctx.Source.Id;
                return new Connection<ListedCall>(
                    edges,
                    new PageInfo(next is not null, ctx.GetArgument<string?>("after") is not null, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null),
                    token => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(CallSearch.Apply(db.CallRecords, customerId, filter), token));
            });
    }
}
