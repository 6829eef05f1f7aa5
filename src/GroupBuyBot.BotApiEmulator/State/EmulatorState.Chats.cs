using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.TelegramApi;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>Driver operations on users, chats and the bot's membership.</summary>
public sealed partial class EmulatorState
{
    /// <summary>Creates or replaces a user (not the bot).</summary>
    public EmulatedUser UpsertUser(EmulatedUser user)
    {
        if (user.Id == Bot.Id || user.Id <= 0)
        {
            throw new EmulatorDriverException($"User id {user.Id} is the bot's or not positive.");
        }

        lock (_gate)
        {
            var stored = user with { IsBot = false };
            _users[user.Id] = stored;
            return stored;
        }
    }

    public IReadOnlyList<EmulatedUser> GetUsers()
    {
        lock (_gate)
        {
            return [.. _users.Values.Where(u => !u.IsBot)];
        }
    }

    /// <summary>Creates a group or supergroup (negative id). The bot's membership is set silently; use <see cref="AddBotToChat"/> for the update.</summary>
    public EmulatedChatInfo CreateChat(ChatSpec spec)
    {
        if (spec.Type == ChatKind.Private)
        {
            throw new EmulatorDriverException("Private chats come from a user: create the user, then StartBot or PostMessage with chat id = user id.");
        }

        if (spec.Id >= 0)
        {
            throw new EmulatorDriverException("Group and supergroup ids are negative.");
        }

        lock (_gate)
        {
            if (_chats.ContainsKey(spec.Id))
            {
                throw new EmulatorDriverException($"Chat {spec.Id} already exists.");
            }

            var chat = new ChatRecord(spec.Id, spec.Type)
            {
                Title = spec.Title ?? $"Chat {spec.Id}",
                Username = spec.Username,
                IsForum = spec.IsForum && spec.Type == ChatKind.Supergroup,
                BotIsMember = spec.BotIsMember || spec.BotIsAdmin,
                BotIsAdmin = spec.BotIsAdmin,
            };
            _chats[chat.Id] = chat;
            if (chat.Username is not null)
            {
                _chatsByUsername[chat.Username] = chat;
            }

            return Describe(chat);
        }
    }

    public EmulatedChatInfo? GetChat(long chatId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) ? Describe(chat) : null;
        }
    }

    public IReadOnlyList<EmulatedChatInfo> GetChats()
    {
        lock (_gate)
        {
            return [.. _chats.Values.Select(Describe)];
        }
    }

    /// <summary>Sets a user's status in a group (creator, administrator, member, left, kicked).</summary>
    public void SetMemberStatus(long chatId, long userId, MemberStatus status)
    {
        lock (_gate)
        {
            var chat = RequireChatForDriver(chatId);
            RequireUserForDriver(userId);
            chat.Members[userId] = status;
        }
    }

    /// <summary>A member adds the bot to a group: emits <c>my_chat_member</c> and a <c>new_chat_members</c> message.</summary>
    public int AddBotToChat(long chatId, long byUserId, bool asAdmin = false)
    {
        lock (_gate)
        {
            var chat = RequireChatForDriver(chatId);
            var by = RequireUserForDriver(byUserId);
            var oldStatus = BotStatus(chat);
            chat.BotIsMember = true;
            chat.BotIsAdmin = asAdmin;
            chat.BotWasKicked = false;
            var updateId = EnqueueMyChatMember(chat, by, oldStatus, BotStatus(chat));
            var joined = AppendMessage(chat, id => new MessageRecord
            {
                ChatId = chat.Id,
                MessageId = id,
                From = by,
                Date = Now,
                ServiceFields = new JsonObject { ["new_chat_members"] = new JsonArray(TelegramJson.User(Bot)) },
                ServiceEvent = "new_chat_members",
            });
            EnqueueUpdate("message", MessageJson(chat, joined));
            return updateId;
        }
    }

    /// <summary>A member removes the bot (status "left"), or bans it (status "kicked").</summary>
    public int RemoveBotFromChat(long chatId, long byUserId, bool kicked = false)
    {
        lock (_gate)
        {
            var chat = RequireChatForDriver(chatId);
            var by = RequireUserForDriver(byUserId);
            var oldStatus = BotStatus(chat);
            chat.BotIsMember = false;
            chat.BotIsAdmin = false;
            chat.BotWasKicked = kicked;
            return EnqueueMyChatMember(chat, by, oldStatus, BotStatus(chat));
        }
    }

    /// <summary>Promotes or demotes the bot in a group, emitting <c>my_chat_member</c>.</summary>
    public int SetBotAdmin(long chatId, long byUserId, bool isAdmin)
    {
        lock (_gate)
        {
            var chat = RequireChatForDriver(chatId);
            var by = RequireUserForDriver(byUserId);
            if (!chat.BotIsMember)
            {
                throw new EmulatorDriverException($"The bot is not in chat {chatId}.");
            }

            var oldStatus = BotStatus(chat);
            chat.BotIsAdmin = isAdmin;
            return EnqueueMyChatMember(chat, by, oldStatus, BotStatus(chat));
        }
    }

    /// <summary>
    /// Upgrades a group to a supergroup: the old chat gets a <c>migrate_to_chat_id</c> message, the new one a
    /// <c>migrate_from_chat_id</c> message, and the old id answers "group chat was upgraded" from then on.
    /// </summary>
    public long MigrateToSupergroup(long groupChatId, long? supergroupChatId = null)
    {
        lock (_gate)
        {
            var group = RequireChatForDriver(groupChatId);
            if (group.Type != ChatKind.Group || group.MigratedToChatId is not null)
            {
                throw new EmulatorDriverException($"Chat {groupChatId} is not a basic group that can be upgraded.");
            }

            var newId = supergroupChatId ?? -(1_000_000_000_000 + Math.Abs(groupChatId));
            if (_chats.ContainsKey(newId))
            {
                throw new EmulatorDriverException($"Chat {newId} already exists.");
            }

            var supergroup = new ChatRecord(newId, ChatKind.Supergroup)
            {
                Title = group.Title,
                BotIsMember = group.BotIsMember,
                BotIsAdmin = group.BotIsAdmin,
                MigratedFromChatId = group.Id,
            };
            foreach (var (userId, status) in group.Members)
            {
                supergroup.Members[userId] = status;
            }

            _chats[newId] = supergroup;
            group.MigratedToChatId = newId;
            var by = group.Members.FirstOrDefault(m => m.Value == MemberStatus.Creator).Key is var creatorId and not 0
                && _users.TryGetValue(creatorId, out var creator) ? creator : null;

            var toMessage = AppendMessage(group, id => new MessageRecord
            {
                ChatId = group.Id,
                MessageId = id,
                From = by,
                Date = Now,
                ServiceFields = new JsonObject { ["migrate_to_chat_id"] = newId },
                ServiceEvent = $"migrate_to_chat_id:{newId}",
            });
            var fromMessage = AppendMessage(supergroup, id => new MessageRecord
            {
                ChatId = newId,
                MessageId = id,
                From = by,
                Date = Now,
                ServiceFields = new JsonObject { ["migrate_from_chat_id"] = group.Id },
                ServiceEvent = $"migrate_from_chat_id:{group.Id}",
            });
            if (group.BotIsMember)
            {
                EnqueueUpdate("message", MessageJson(group, toMessage));
                EnqueueUpdate("message", MessageJson(supergroup, fromMessage));
            }

            return newId;
        }
    }

    private static MemberStatus BotStatus(ChatRecord chat) =>
        chat.BotWasKicked ? MemberStatus.Kicked
        : chat.BotIsAdmin ? MemberStatus.Administrator
        : chat.BotIsMember ? MemberStatus.Member
        : MemberStatus.Left;

    private int EnqueueMyChatMember(ChatRecord chat, EmulatedUser by, MemberStatus oldStatus, MemberStatus newStatus) =>
        EnqueueUpdate("my_chat_member", new JsonObject
        {
            ["chat"] = ChatJson(chat),
            ["from"] = TelegramJson.User(by),
            ["date"] = TelegramJson.UnixTime(Now),
            ["old_chat_member"] = TelegramJson.ChatMember(Bot, oldStatus),
            ["new_chat_member"] = TelegramJson.ChatMember(Bot, newStatus),
        });

    private EmulatedChatInfo Describe(ChatRecord chat) => new(
        chat.Id,
        chat.Type,
        chat.Title ?? PrivateUserOf(chat)?.FirstName,
        chat.Username,
        chat.IsForum,
        chat.Type == ChatKind.Private ? chat.UserStartedBot && !chat.UserBlockedBot : chat.BotIsMember,
        chat.BotIsAdmin,
        chat.MigratedToChatId,
        chat.MigratedFromChatId,
        chat.Messages.Count,
        new Dictionary<long, MemberStatus>(chat.Members),
        chat.Type == ChatKind.Private ? chat.UserStartedBot : null,
        chat.Type == ChatKind.Private ? chat.UserBlockedBot : null);
}
