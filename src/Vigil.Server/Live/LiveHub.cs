using Microsoft.AspNetCore.SignalR;
using Vigil.Server.Security;

namespace Vigil.Server.Live;

/// <summary>
/// The officers' live feed at <c>/hubs/live</c>: positions and alerts of their jurisdiction, pushed by
/// <see cref="LiveFeed"/>. The hub has no methods: a connection is put in its one group when it connects and
/// cannot choose another. The endpoint's policy (<see cref="Policy"/>) refuses everyone but case readers.
/// </summary>
public sealed class LiveHub(ILogger<LiveHub> logger) : Hub
{
    public const string Path = "/hubs/live";

    public const string Policy = "live-feed";

    public override async Task OnConnectedAsync()
    {
        var user = new CurrentUser(Context.User);
        if (LiveGroups.For(user) is not { } group)
        {
            // The endpoint policy already refuses these; a token without a usable jurisdiction ends here.
            logger.LiveRefused(user.Name, user.Role.ToString());
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        logger.LiveJoined(user.Name, user.Role.ToString(), group);
        await Clients.Caller.SendAsync("subscribed", new LiveSubscription(group));
    }
}
