namespace GroupBuyBot.Core;
