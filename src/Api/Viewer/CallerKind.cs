namespace Store.Api.Viewer;

public enum CallerKind
{
    /// <summary>No token and no signed-in person: the public catalog only.</summary>
    Anonymous,

    /// <summary>A person: signed in on the site, or through a token Store's own application obtained for them.</summary>
    Person,

    /// <summary>A machine: a reseller's API client or the telephony platform, with the client credentials grant.</summary>
    Client,
}
