using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// Offline need discovery with rules only (no network, no model). Walks the window in order:
/// a want or call for company opens a topic; join-ins are attached to a topic by what they
/// mention (content bigrams/words), else by the reply chain, else by the most recently active
/// topic; declines and withdrawals remove the member. Topics with two or more members are shared
/// needs.
/// </summary>
public sealed class EmbeddedNeedExtractor : INeedExtractor
{
    // How many messages back a bare "+1" may still refer to the last active topic.
    private const int RecencyHorizon = 10;

    public Task<IReadOnlyList<ExtractedNeed>> ExtractAsync(IReadOnlyList<ChatMessage> window, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Extract(window));
    }

    public static IReadOnlyList<ExtractedNeed> Extract(IReadOnlyList<ChatMessage> window) => Extract(window, []);

    /// <summary>
    /// Reads <paramref name="window"/> with the board's <paramref name="live"/> needs as topics already open: a join
    /// replying to one of their messages or naming what their summary names joins them, and their own messages still in
    /// the window stay theirs. A live need is returned (with its <see cref="ExtractedNeed.LiveNeedId"/>) when the window
    /// adds to it, with only the window's members and messages.
    /// </summary>
    public static IReadOnlyList<ExtractedNeed> Extract(IReadOnlyList<ChatMessage> window, IReadOnlyList<LiveNeed> live) => Read(window, live, []).Needs;

    /// <summary>
    /// <see cref="Extract(IReadOnlyList{ChatMessage}, IReadOnlyList{LiveNeed})"/>, with the wants earlier windows raised
    /// that nobody joined (<paramref name="earlierWants"/>, their text gone) as topics a reply may still join, and, besides the
    /// needs, the wants this window raises that nobody joins in it (<see cref="LiveNeed.Raised"/>): a call or want that
    /// speaks of buying, which a later window may see joined.
    /// </summary>
    public static (IReadOnlyList<ExtractedNeed> Needs, IReadOnlyList<LiveNeed> Raised) Read(IReadOnlyList<ChatMessage> window, IReadOnlyList<LiveNeed> live, IReadOnlyList<LiveNeed> earlierWants)
    {
        var (needs, raised, _) = ReadWithJokes(window, live, earlierWants);
        return (needs, raised);
    }

    /// <summary>
    /// <see cref="Read"/>, and the messages that raised topics of the window read as jokes (<c>Jokes</c>: their first
    /// message's id), which an earlier window, cut before the laughter, may have put on the board.
    /// </summary>
    public static (IReadOnlyList<ExtractedNeed> Needs, IReadOnlyList<LiveNeed> Raised, IReadOnlyList<long> Jokes) ReadWithJokes(
        IReadOnlyList<ChatMessage> window, IReadOnlyList<LiveNeed> live, IReadOnlyList<LiveNeed> earlierWants)
    {
        var topics = new List<Topic>();
        var topicOfMessage = new Dictionary<long, Topic>();
        foreach (var need in live.Concat(earlierWants))
        {
            var topic = new Topic(need);
            topics.Add(topic);
            foreach (var id in need.Evidence.Concat(need.Thread)) topicOfMessage.TryAdd(id, topic);
        }

        var authorOfMessage = new Dictionary<long, long>();
        var actOfMessage = new Dictionary<long, NeedAct>();
        var unattachedJoins = new List<ChatMessage>();
        var joinsWithLaughter = 0;
        var joins = 0;
        var playfulWants = 0;

        for (var position = 0; position < window.Count; position++)
        {
            var message = window[position];
            var text = ChatTextNormalizer.Normalize(message.Text);
            var act = NeedCues.Classify(message.Text);
            var parentAct = message.ReplyToId is long p0 && actOfMessage.TryGetValue(p0, out var pa) ? pa : NeedAct.Other;
            var parentAuthor = message.ReplyToId is long p1 && authorOfMessage.TryGetValue(p1, out var author) ? author : (long?)null;
            if (act == NeedAct.Decline && parentAct == NeedAct.Decline && parentAuthor != message.FromId && !NeedCues.SpeaksForSelf(text))
            {
                act = NeedAct.Other; // "好的,小王的取消": acknowledging someone else's withdrawal
            }

            if ((act is NeedAct.Other or NeedAct.Question || act == NeedAct.Join && topics.TrueForAll(x => position - x.LastActive > RecencyHorizon))
                && NeedCues.OffersGroupTerms(message) && topics.TrueForAll(x => x.Owner != message.FromId))
            {
                // "There's a photographer doing slots, £50 each if 3+ families book": an offer to the group, also when its
                // writer takes their own share in it ("…£6 if we order 20+. I'll have 4") with no other topic in play.
                act = NeedAct.Solicit;
            }

            if (act is NeedAct.Other or NeedAct.Question && (NeedCues.IsAffirmative(text) || ReplyStructure.AnswersYes(text) || ReplyStructure.NamesSelf(text)) && parentAct == NeedAct.Solicit
                && parentAuthor is long asker && asker != message.FromId)
            {
                act = NeedAct.Join; // "Yes! ...", "me!", "我去!" answering a call for company
            }

            if (act is NeedAct.Other or NeedAct.Question && NeedCues.OpensWithAgreement(text) && parentAct is NeedAct.Solicit or NeedAct.Want
                && parentAuthor is long raiser && raiser != message.FromId)
            {
                act = NeedAct.Join; // "我也是!" answering "有人一起找吗": agreeing with a call is joining it
            }

            if (act is NeedAct.Other && message.ReplyToId is long p4 && topicOfMessage.ContainsKey(p4) && ReplyStructure.OrdersACount(text))
            {
                act = NeedAct.Join; // "那我 5 个蛋黄,5 个碱水", "那再加一盒月饼" under a topic: an order, not chit-chat
            }

            var threadTopic = message.ReplyToId is long p5 && topicOfMessage.TryGetValue(p5, out var tt) ? tt : null;
            if (act is NeedAct.Other or NeedAct.Question && threadTopic is not null && threadTopic.Owner != message.FromId
                && (ReplyStructure.TakesAPart(text) || ReplyStructure.AsksToBeIncluded(text)))
            {
                act = NeedAct.Join; // "in, L", "花花 2盒", "can I grab the other slot?" in the thread of an offer
            }

            if (act is NeedAct.Other && message.ReplyToId is null && ReplyStructure.OrdersACount(text) && !NeedCues.IsTally(text) && !ReplyStructure.StatesTerms(text)
                && topics.Any(x => position - x.LastActive <= 2))
            {
                act = NeedAct.Join; // "那我来两箱" just after the price was answered: ordering from the offer being talked about
            }

            // "same as Charlene, 1 yellowtail": the order of the member named, so the topic they are in.
            var copied = ReplyStructure.CopiedFrom(text, window, position) is long copiedId && topicOfMessage.TryGetValue(copiedId, out var ct) && ct.Owner != message.FromId ? ct : null;
            if (copied is not null && act is NeedAct.Other or NeedAct.Question or NeedAct.Join)
            {
                act = NeedAct.Join;
            }

            authorOfMessage[message.Id] = message.FromId;
            actOfMessage[message.Id] = act;
            if (act == NeedAct.Instruction)
            {
                continue; // an order to the bot is never interest, and must not steer topics
            }

            var playfulHere = act is NeedAct.Want or NeedAct.Solicit or NeedAct.Join && NeedCues.IsPlayful(text) || NeedCues.IsIronic(text);

            var grams = ContentGrams.Of(text);
            if (topicOfMessage.TryGetValue(message.Id, out var own) && own.Live is not null)
            {
                // Read before: it is the live need's own message, whatever it says now.
                if (act is NeedAct.Want or NeedAct.Solicit or NeedAct.Join) own.Add(message.FromId, message.Id);
                own.Grams.UnionWith(grams);
                own.LastActive = position;
                continue;
            }

            var replyTopic = message.ReplyToId is long parent && topicOfMessage.TryGetValue(parent, out var t) ? t : null;

            // A direct reply to the message that raised a topic is about that topic, whatever words it shares.
            var seedTopic = replyTopic is not null && replyTopic.SeedId == message.ReplyToId ? replyTopic : null;
            var (keywordTopic, keywordScore) = BestByContent(grams, topics);
            Topic? target = null;

            switch (act)
            {
                case NeedAct.Want or NeedAct.Solicit:
                {
                    // Asking who provides something is a new want, however many words it shares with another topic.
                    var anotherThing = act == NeedAct.Want && ReplyStructure.AsksAfterAnotherThing(text);
                    var similar = keywordScore >= 2 && !NeedCues.OpensNewSubject(text) && !NeedCues.SeeksProvider(text) && !anotherThing ? keywordTopic : null;
                    // "士多啤梨仲有冇人要?" days later by the one who raised the strawberry order: their own call again, though it
                    // names the board's need by one word of its summary (all that is left of it).
                    similar ??= keywordScore >= 1 && keywordTopic is { Live: not null } && keywordTopic.Owner == message.FromId && !NeedCues.OpensNewSubject(text) && !NeedCues.SeeksProvider(text) && !anotherThing ? keywordTopic : null;
                    similar ??= NeedCues.IsTally(text) ? topics.LastOrDefault(x => x.Owner == message.FromId) : null; // "统计一下:…还有要的说"
                    // "滤芯这边更新一下,还差两个,还有没有人要?" days later by the one who raised it, or "Is the gutter thing still
                    // on? We want ours done" with one need on the board: a call that says it carries on is that need again,
                    // whatever words its summary kept.
                    similar ??= message.ReplyToId is null && NeedCues.CarriesOn(text)
                        ? topics.Where(x => x.Live is not null && x.Owner == message.FromId).ToList() is [var ownLive] ? ownLive
                        : act == NeedAct.Want ? LoneBoardNeed(topics) : null
                        : null;
                    similar ??= act == NeedAct.Want && !anotherThing || replyTopic?.Owner == message.FromId ? replyTopic : null; // "想报" under the proposal; the organiser asking on in their own thread
                    // "keen to split a moss treatment" under "anyone know someone for a roof moss treatment? happy to share":
                    // a call that names what the call it answers named, and asks nothing, joins it.
                    var sameNeed = seedTopic is not null && (NeedCues.OpensWithSameNeed(text)
                        || act == NeedAct.Solicit && keywordTopic == seedTopic && !text.Contains('?', StringComparison.Ordinal)) ? seedTopic : null;
                    similar ??= sameNeed; // "我家的也该换了,…要不一起买" under the message that raised it joins it
                    if (similar is not null && (similar.Has(message.FromId) || act == NeedAct.Want || similar == sameNeed))
                    {
                        target = similar; // a reminder by a member, or "想报" under the proposal
                        target.Add(message.FromId, message.Id);
                    }
                    else
                    {
                        // A call for company from someone outside a similar topic is a new need
                        // ("有没有大人的班?" next to a children's class).
                        target = new Topic(message, position);
                        topics.Add(target);
                    }

                    break;
                }

                case NeedAct.Join:
                {
                    joins++;
                    // An organiser's running list belongs to the topic it names or to the speaker's own
                    // topic, never just to the latest one.
                    // "老李,我也换,三个卧室加阳台": a join that opens by addressing the member who raised a topic joins that topic.
                    // Of the member's topics, the one it names, else their latest.
                    var addressed = ReplyStructure.AddressedTo(text, window, position) is long who
                        ? keywordTopic?.Owner == who ? keywordTopic : topics.LastOrDefault(x => x.Owner == who)
                        : null;
                    target = NeedCues.IsTally(text)
                        ? keywordTopic ?? topics.FirstOrDefault(x => x.Owner == message.FromId) ?? replyTopic
                        : copied ?? seedTopic ?? addressed ?? keywordTopic ?? replyTopic ?? ImplicitTopic(message, position, topics, topicOfMessage, authorOfMessage, actOfMessage);
                    if (target is null && ReplyStructure.RaisedBy(message, position, window, topicOfMessage.ContainsKey) is int raised)
                    {
                        // "空调一开又是一股霉味" or "有人知道哪里能请人上门清洗空调吗?" answered by "我家那台也该洗了":
                        // the message joined raised the want, though it asked nobody along.
                        var seed = window[raised];
                        target = new Topic(seed, raised);
                        topics.Add(target);
                        topicOfMessage[seed.Id] = target;
                        foreach (var earlier in unattachedJoins.Where(x => x.ReplyToId == seed.Id && x.FromId != seed.FromId))
                        {
                            target.Add(earlier.FromId, earlier.Id); // "Emma wants one, youth M please" came before anyone committed
                            topicOfMessage[earlier.Id] = target;
                        }
                    }

                    if (target is null && message.ReplyToId is null && LoneBoardNeed(topics) is { } lone && NeedCues.CommitsToIt(message.Text) && NeedCues.SpeaksForSelf(text)
                        && !unattachedJoins.Exists(x => ContentGrams.Of(ChatTextNormalizer.Normalize(x.Text)).Overlaps(grams)))
                    {
                        // "Landlord says fine, so I'm in" or "下午才看到,我要一箱" hours later, replying to nothing: with one need open
                        // on the board and nothing else raised, a sign-up is a sign-up to that need; not a notice asking others ("请在小程序报名"), nor one naming what another
                        // sign-up that found no need named ("还能要菜籽油吗?我要三桶" ← "菜籽油我也来两桶").
                        target = lone;
                    }

                    if (target is null)
                    {
                        unattachedJoins.Add(message);
                    }

                    target?.Add(message.FromId, message.Id);

                    // "芒果+1,蛋糕也算我一个": each clause may join a different topic it names.
                    foreach (var other in TopicsJoinedByClauses(text, topics).Where(x => x != target))
                    {
                        other.Add(message.FromId, message.Id);
                        other.LastActive = position;
                    }

                    break;
                }

                case NeedAct.Decline:
                {
                    target = seedTopic ?? keywordTopic ?? replyTopic;
                    if (target is null)
                    {
                        // "我们这次不去了" with no topic named: the member's only topic is meant.
                        // Only the member's single topic, and only while it is the one being talked about.
                        var memberOf = topics.Where(x => x.Has(message.FromId)).ToList();
                        var latest = topics.MaxBy(x => x.LastActive);
                        // "好看!我的背包还能用,先不换" answering a neighbour's new backpack, not the van: a no that replies to a message of
                        // no topic, by someone outside the member's topic, is about what that message raised.
                        var answersElsewhere = message.ReplyToId is long rp && authorOfMessage.TryGetValue(rp, out var repliedTo) && !topicOfMessage.ContainsKey(rp)
                                               && memberOf.Count == 1 && !memberOf[0].Has(repliedTo);
                        target = memberOf.Count == 1 && memberOf[0] == latest && !answersElsewhere && !NeedCues.DeclinesSomethingElse(text, memberOf[0].Grams) ? memberOf[0] : target;
                    }

                    // The raiser calling their own need off at the top of the chat ("插花课凑不到人,取消了") ends it for
                    // everyone; those who wanted it still did, and so did the raiser.
                    if (target is not null && !(target.Owner == message.FromId && message.ReplyToId is null && target.Members.Count > 1))
                    {
                        target.Remove(message.FromId);
                    }

                    break;
                }

                default:
                    target = replyTopic; // questions and answers inside a topic's thread
                    if (target is null && message.ReplyToId is null && keywordTopic is { Live: not null } spokenOf && spokenOf.Has(message.FromId))
                    {
                        // "奶茶团 update: 还差3杯" days later: a member of a live need speaking of it again at the top of the chat
                        // makes it the topic being talked about, so the sign-ups just after it join it as they would a fresh one.
                        target = spokenOf;
                    }
                    if (target is null && message.ReplyToId is null && NeedCues.IsTally(text) && LoneBoardNeed(topics) is not null)
                    {
                        // Added with dev-12: "Tally so far: Margaret 1, Dave 1, Sheila 1, Priya 2. One more bag…" hours later, with one
                        // need open on the board and nothing else raised: a running list is of that need, so "I'll take the
                        // last one" under it joins it.
                        target = topics.First(x => x.Live is not null);
                    }

                    if (target is null && parentAct == NeedAct.Question && parentAuthor != message.FromId && ReplyStructure.AnswersYes(text))
                    {
                        unattachedJoins.Add(message); // "omg yes I've been meaning to" under a question that someone's commitment may yet make a want
                    }

                    break;
            }

            // Added with dev-12: a laugh in a join to a need already on the board ("我都加一只 for the grooming,…臭臭 🤣" days after
            // the van was booked for four) is no sign that the chat is joking; only laughter around what is raised here counts.
            if (target?.Live is null)
            {
                playfulWants += playfulHere ? 1 : 0;
                joinsWithLaughter += act == NeedAct.Join && NeedCues.HasLaughter(text) ? 1 : 0;
            }

            if (target is not null)
            {
                topicOfMessage[message.Id] = target;
                target.Grams.UnionWith(grams);
                target.LastActive = position;
            }
        }

        var seeds = window.Select(m => m.Id).ToHashSet();
        // Topics raised in this window (a live need's too, its first message still here): those a joke may be.
        var fresh = topics.Where(x => !x.WasRaised && x.Members.Count >= 2 && seeds.Contains(x.SeedId)).ToList();

        // Several laughing join-ins: the chat is joking ("团购一个男朋友"), not buying.
        if (joinsWithLaughter >= 2 && joinsWithLaughter * 2 >= joins)
        {
            return ([], [], [.. fresh.Select(x => x.SeedId)]);
        }

        // A thread whose wants and joins are mostly jokes ("团购一个年假", "+10086 求带", "chip in for
        // a yacht") is banter, not a shared need.
        if (playfulWants >= 2 && playfulWants * 2 >= Math.Max(joins, 1))
        {
            return ([], [], [.. fresh.Select(x => x.SeedId)]);
        }

        var jokes = fresh.Where(x => OnlyLaughedAlong(x, window) || LaughedOff(x, window, actOfMessage)).ToList();
        var needs = topics
            .Where(x => x.Members.Count >= 2 && !jokes.Contains(x) && !OnlyLaughedAlong(x, window) && !LaughedOff(x, window, actOfMessage) && (x.Live is not null || x.WasRaised || SpeaksOfBuying(x, window, topicOfMessage)))
            .Select(x => x.Live is null
                ? new ExtractedNeed(x.Summary, x.Members.Keys.ToList(), x.Members.Values.SelectMany(ids => ids).Order().ToList())
                : AddedTo(x))
            .OfType<ExtractedNeed>()
            .ToList();

        // A want nobody joined here, its message in this window: remembered, so a join hours later still meets it.
        var wants = topics
            .Where(x => x.Live is null && !x.WasRaised && x.Members.Count == 1 && x.Has(x.Owner) && seeds.Contains(x.SeedId)
                        && !NeedCues.IsPlayful(ChatTextNormalizer.Normalize(window.First(m => m.Id == x.SeedId).Text))
                        && SpeaksOfBuying(x, window, topicOfMessage))
            .Select(x => LiveNeed.RaisedBy(x.Owner, x.SeedId, x.Summary))
            .ToList();
        return (needs, wants, [.. jokes.Select(x => x.SeedId)]);
    }

    /// <summary>The one need open on the board, when the window has raised nothing else yet (wants of earlier windows aside).</summary>
    private static Topic? LoneBoardNeed(List<Topic> topics) =>
        topics.Count(x => x.Live is not null) == 1 && topics.TrueForAll(x => x.Live is not null || x.WasRaised) ? topics.First(x => x.Live is not null) : null;

    /// <summary>What the window adds to a live need: its members who spoke for it here, and those messages; null when nobody did.</summary>
    private static ExtractedNeed? AddedTo(Topic topic)
    {
        var spoke = topic.Members.Where(m => m.Value.Count > 0).ToList();
        return spoke.Count == 0
            ? null
            : new ExtractedNeed(topic.Summary, [.. spoke.Select(m => m.Key)], [.. spoke.SelectMany(m => m.Value).Distinct().Order()], LiveNeedId: topic.Live!.Id);
    }

    /// <summary>
    /// Company is not a need: some message of the topic's thread (its evidence, the questions and answers about it)
    /// speaks of buying, booking or paying (<see cref="NeedCues.SpeaksOfBuying"/>).
    /// </summary>
    private static bool SpeaksOfBuying(Topic topic, IReadOnlyList<ChatMessage> window, Dictionary<long, Topic> topicOfMessage)
    {
        var evidence = topic.Members.Values.SelectMany(ids => ids).ToHashSet();

        // Added with dev-12: "这周日走梧桐山…不收费,自带水和午饭" ← "报名+1": what is raised costs nothing, and nobody in its
        // thread names money, so it is company, not a buy.
        if (window.FirstOrDefault(m => m.Id == topic.SeedId) is { } seed && NeedCues.SaysItIsFree(ChatTextNormalizer.Normalize(seed.Text))
            && !window.Any(m => (evidence.Contains(m.Id) || topicOfMessage.GetValueOrDefault(m.Id) == topic) && NeedCues.SpeaksOfMoney(ChatTextNormalizer.Normalize(m.Text))))
        {
            return false;
        }

        return window.Any(m => (evidence.Contains(m.Id) || topicOfMessage.GetValueOrDefault(m.Id) == topic)
                               && NeedCues.SpeaksOfBuying(ChatTextNormalizer.Normalize(m.Text)))
            || window.Any(m => evidence.Contains(m.Id) && m.FromId != topic.Owner
                               && ReplyStructure.PicksAPart(ChatTextNormalizer.Normalize(m.Text)));
    }

    /// <summary>
    /// "Anyone want to go in on earplugs?" / "lol I'd buy a soundproof room", "有人去日本吗" / "帮我团一个女朋友": nobody but the
    /// raiser joined in earnest.
    /// </summary>
    private static bool OnlyLaughedAlong(Topic topic, IReadOnlyList<ChatMessage> window)
    {
        var textOf = window.ToDictionary(m => m.Id, m => ChatTextNormalizer.Normalize(m.Text));
        var joined = topic.Members.Where(member => member.Key != topic.Owner && (topic.Live is null || member.Value.Count > 0)).ToList();

        // A laugh beside the very thing asked for ("our roof is the same, green lol. keen to split a moss treatment") is sincere.
        var asked = textOf.TryGetValue(topic.SeedId, out var seed) ? ContentGrams.Of(seed) : [];

        // A need of the board whose first message is gone is known by its summary (added with dev-12).
        var summarised = seed is null && topic.Live is not null ? ContentGrams.Of(ChatTextNormalizer.Normalize(topic.Summary)) : [];
        // Under a call for a thing no group can buy ("台风假可以团购吗🤣"), a join that commits to nothing ("我第一个+1") plays along.
        var jokeAsked = seed is not null && NeedCues.NamesAJokeThing(seed);
        // Added with dev-12: under an offer with a group's terms ("凑够6个孩子可以单独开一个班"), a laughing join that commits ("我家小宇也该学了,
        // 去年…一下水就哭😂") laughs at its own story, not at the offer.
        var termsOffered = seed is not null && !jokeAsked && window.FirstOrDefault(m => m.Id == topic.SeedId) is { } seedMessage && NeedCues.OffersGroupTerms(seedMessage);
        // So does one that commits and names the thing asked for ("Good idea,包车我 in,前提是中签 😂", "间歇我来!…😂"; for a need
        // already on the board, what its summary names: "我都加一只 for the grooming…🤣").
        bool Jokes(string t) => NeedCues.HasLaughter(t) && ContentGrams.Of(t).Count(asked.Contains) is var named && named < 2
                                && !(NeedCues.CommitsToIt(t) && (termsOffered || named >= 1 || ContentGrams.Of(t).Overlaps(summarised))) || NeedCues.NamesAJokeThing(t) || jokeAsked && !NeedCues.CommitsToIt(t);
        return (topic.Live is null || joined.Count > 0)
            && joined.All(member => member.Value.All(id => textOf.TryGetValue(id, out var t) && Jokes(t)));
    }

    /// <summary>
    /// "有没有人想合买一台时光机" ← "+1 and go back to undergrad 😭" ← "我要两台" ← the raiser: "hahaha 睡吧睡吧". A joke the
    /// raiser laughs off once others played along: after a join the raiser laughs and says nothing else (no word of
    /// content, no count), at the top of the chat or answering a join, not someone's question; and the thing asked for is
    /// a joke or half the joins are playful. "哈哈欢迎" or "haha perfect, a third each then" say something: not laughed off.
    /// </summary>
    private static bool LaughedOff(Topic topic, IReadOnlyList<ChatMessage> window, Dictionary<long, NeedAct> actOfMessage)
    {
        if (topic.WasRaised) return false;
        var joined = topic.Members.Where(m => m.Key != topic.Owner).SelectMany(m => m.Value).ToHashSet();
        if (joined.Count == 0) return false;
        var firstJoin = joined.Min();
        var laughs = window.Any(m => m.FromId == topic.Owner && m.Id > firstJoin && (m.ReplyToId is not long answered || joined.Contains(answered))
                                     && actOfMessage.GetValueOrDefault(m.Id) is NeedAct.Other or NeedAct.Question
                                     && ChatTextNormalizer.Normalize(m.Text) is var t && NeedCues.HasLaughter(t) && !NeedCues.SpeaksOfBuying(t)
                                     && !t.Any(char.IsAsciiDigit) && ContentGrams.Of(t).All(NeedCues.HasLaughter));
        if (!laughs) return false;
        var seed = window.FirstOrDefault(m => m.Id == topic.SeedId);
        var playful = window.Count(m => joined.Contains(m.Id) && NeedCues.IsPlayful(ChatTextNormalizer.Normalize(m.Text)));
        return seed is not null && NeedCues.NamesAJokeThing(ChatTextNormalizer.Normalize(seed.Text)) || playful * 2 >= joined.Count;
    }

    /// <summary>
    /// The topics named by separate join clauses of one message; empty unless two or more differ.
    /// </summary>
    private static List<Topic> TopicsJoinedByClauses(string text, List<Topic> topics)
    {
        var named = new List<Topic>();
        if (topics.Count < 2)
        {
            return named;
        }

        foreach (var clause in text.Split([',', '.', ';', '!', '~', '\n', '，', '；', '！'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!NeedCues.IsJoinIn(clause) || NeedCues.IsDeclineOrWithdrawal(clause))
            {
                continue;
            }

            var (topic, _) = BestByContent(ContentGrams.Of(clause), topics);
            if (topic is not null && !named.Contains(topic))
            {
                named.Add(topic);
            }
        }

        return named.Count >= 2 ? named : [];
    }

    /// <summary>Topic of a join that names nothing: reply target's topic by author, else the last active one.</summary>
    private static Topic? ImplicitTopic(
        ChatMessage message,
        int position,
        List<Topic> topics,
        Dictionary<long, Topic> topicOfMessage,
        Dictionary<long, long> authorOfMessage,
        Dictionary<long, NeedAct> actOfMessage)
    {
        var recent = topics.Where(x => position - x.LastActive <= RecencyHorizon).MaxBy(x => x.LastActive);
        if (message.ReplyToId is not long parent)
        {
            return recent;
        }

        if (topicOfMessage.TryGetValue(parent, out var direct))
        {
            return direct;
        }

        // A reply to the organiser's answer, or to a question about the offer, still joins it;
        // a reply inside unrelated chit-chat ("我也想!" to "好想放假") does not.
        if (authorOfMessage.TryGetValue(parent, out var author) && topics.FirstOrDefault(x => x.Owner == author) is { } owned)
        {
            return owned;
        }

        return actOfMessage.TryGetValue(parent, out var parentAct) && parentAct == NeedAct.Question ? recent : null;
    }

    /// <summary>The topic whose content the message names most, counting only grams that tell topics apart.</summary>
    private static (Topic? Topic, int Score) BestByContent(HashSet<string> grams, List<Topic> topics)
    {
        if (topics.Count == 0 || grams.Count == 0)
        {
            return (null, 0);
        }

        Topic? best = null;
        int bestScore = 0, secondScore = 0;
        foreach (var topic in topics)
        {
            var score = grams.Count(g => topic.Grams.Contains(g) && (topics.Count == 1 || topics.Any(other => !other.Grams.Contains(g))));
            if (score > bestScore)
            {
                secondScore = bestScore;
                bestScore = score;
                best = topic;
            }
            else if (score > secondScore)
            {
                secondScore = score;
            }
        }

        return bestScore > secondScore ? (best, bestScore) : (null, 0);
    }

    private sealed class Topic
    {
        public Topic(ChatMessage seed, int position)
        {
            Owner = seed.FromId;
            SeedId = seed.Id;
            Summary = NeedSummary.Of(seed.Text);
            Grams = ContentGrams.Of(ChatTextNormalizer.Normalize(seed.Text));
            LastActive = position;
            Add(seed.FromId, seed.Id);
        }

        /// <summary>A need of the board, open before the window: its members are known, its messages may be gone.</summary>
        public Topic(LiveNeed need)
        {
            if (need.Raised)
            {
                // A want an earlier window raised: a new topic whose first message is gone, its raiser in it.
                WasRaised = true;
                Owner = need.Members[0];
                SeedId = need.Evidence[0];
                Summary = need.Summary;
                Grams = ContentGrams.Of(ChatTextNormalizer.Normalize(need.Summary));
                LastActive = int.MinValue / 2;
                Add(Owner, SeedId);
                return;
            }

            Live = need;
            Owner = need.Members[0];
            SeedId = need.Evidence.Count > 0 ? need.Evidence[0] : long.MinValue;
            Summary = need.Summary;
            Grams = ContentGrams.Of(ChatTextNormalizer.Normalize(need.Summary));
            LastActive = int.MinValue / 2; // never the most recent topic until the window speaks of it
            foreach (var member in need.Members) Members[member] = [];
        }

        public LiveNeed? Live { get; }

        /// <summary>Opened from a want an earlier window raised (<see cref="LiveNeed.Raised"/>).</summary>
        public bool WasRaised { get; }

        public long Owner { get; }

        public long SeedId { get; }

        public string Summary { get; }

        public HashSet<string> Grams { get; }

        public int LastActive { get; set; }

        // Insertion-ordered: members appear in the order they expressed interest.
        public Dictionary<long, List<long>> Members { get; } = [];

        public bool Has(long member) => Members.ContainsKey(member);

        public void Add(long member, long messageId)
        {
            if (!Members.TryGetValue(member, out var evidence))
            {
                Members[member] = evidence = [];
            }

            evidence.Add(messageId);
        }

        public void Remove(long member) => Members.Remove(member);
    }
}
