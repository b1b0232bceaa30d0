using System.Net;
using System.Text.RegularExpressions;

namespace Store.Testing;

/// <summary>Posts the site's forms as a browser without JavaScript would: the antiforgery token taken from the page.</summary>
public static partial class FormClient
{
    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="url"/>, then posts its form (the first, or the one whose action contains <paramref name="action"/>) with the given fields.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetPageAsync(url);
        var forms = FormPattern().Matches(page).Select(m => m.Value).ToList();
        var form = action is null ? forms.First() : forms.First(f => f.Contains(action, StringComparison.OrdinalIgnoreCase));
        var token = TokenPattern().Match(form).Groups[1].Value;
        var target = ActionPattern().Match(form) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : url;
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        foreach (Match hidden in HiddenPattern().Matches(form))
        {
            values.TryAdd(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(target, content);
    }

    /// <summary>
    /// Opens <paramref name="url"/> and posts one of its forms to <paramref name="postTo"/>, as a button with a formaction
    /// does (such as "?handler=Next"): the form chosen is the first that has a button posting there.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitToAsync(this HttpClient client, string url, string postTo, IDictionary<string, string> fields)
    {
        var page = await client.GetPageAsync(url);
        var forms = FormPattern().Matches(page).Select(m => m.Value).ToList();
        var handler = postTo[(postTo.IndexOf("handler=", StringComparison.OrdinalIgnoreCase) + 8)..];
        var form = forms.FirstOrDefault(f => f.Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase)) ?? forms.First();
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value };
        foreach (Match hidden in HiddenPattern().Matches(form))
        {
            values.TryAdd(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(postTo, content);
    }

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("<form[\\s\\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<input type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
