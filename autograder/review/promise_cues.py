"""Word cues of the commitment finder: payment verbs, negation, condition, hedging, questions.

Each cue has a Chinese and an English pattern, run only on text in that script. The Chinese
patterns are alternations that each begin with a literal character, so that Python's regex
engine skips ahead on a character set instead of trying every alternative at every position.
"""

from __future__ import annotations

import re

__all__ = ["Cue", "script_of"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[a-z]")


def script_of(text: str) -> tuple[bool, bool]:
    """(has Chinese characters, has Latin letters) for a normalised text."""
    return _CJK.search(text) is not None, _LATIN.search(text) is not None


class Cue:
    """A cue found by a Chinese pattern in Chinese text or an English pattern in English text."""

    __slots__ = ("zh", "en")

    def __init__(self, zh: str, en: str) -> None:
        self.zh = re.compile(zh) if zh else None
        self.en = re.compile(en) if en else None

    def search(self, text: str, script: tuple[bool, bool]) -> bool:
        """True when the cue occurs in `text` (whose `script` is from `script_of`)."""
        if script[0] and self.zh is not None and self.zh.search(text):
            return True
        return bool(script[1] and self.en is not None and self.en.search(text))

    def sub(self, repl: str, text: str, script: tuple[bool, bool]) -> str:
        """`text` with every occurrence of the cue replaced."""
        if script[0] and self.zh is not None:
            text = self.zh.sub(repl, text)
        if script[1] and self.en is not None:
            text = self.en.sub(repl, text)
        return text


PAY = Cue(
    "还(?!是|有|在|没|要|得|会|可以|行|好|挺|不错|早|差|剩|想|需|真|算|欠|款日|款期|款记录|能|够|蛮|"
    "很|比较|那么|这么|不确定|不知道|款情况|款进度)|"
    "还(?=行吗|行不|可以吗|可不可以|得唔得|得不得|可唔可以)|付(?<!应付)(?<!对付)(?!出)|缴|把钱|打到|存到|汇到|转到|"
    "交(?:钱|款|上|给|清|齐|了|掉)|定到账|准时到账|按时到账|保证到账|[交汇](?=\\d|[一二两三四五六七八九十几半]|[¥$]|人民币|新台币)|(?<![提递移外社成上])[交汇](?=吧|啦|$|[,.!。])|剩下|剩余|余下|其余|尾款|结清|处理|补上|凑(?!合|热闹)|存进|存钱|汇款|"
    "转(?!告|达|接|身|变|正|念|眼|移|到.{0,3}部门)|汇.{0,8}过[来去]|打款|打钱|官方app|官方渠道|柜台|"
    "自动扣款|自动还款|扣款|划拨|存入|存款(?!证明|利息)|(?<![保储库生依共留现])存(?=\\d|[一二两三四五六七八九十几]|[¥$]|人民币|新台币|港币|上|进|好|够|吧|了?钱|$)|"
    "网银|手机银行|atm|过数|找数|入数|入钱|入返|还返|俾返|畀返|交返|补(?:齐|足|交|缴)|"
    "第[一1]期|首期|每期|搞掂|搞定|给(?:你们|您们?|你)(?=\\d|[一二两三四五六七八九十几]|[¥$])|"
    "(?:到|进)你们(?:的)?(?:账上|账户|卡上)|"
    "过(?=[\\d一二两三四五六七八九十]+[千万]|[\\d一二两三四五六七八九十]+[百]?(?:蚊|块|元))|"
    "[俾畀](?=\\d|[一二两三四五六七八九十几])|打(?=\\d|[一二两三四五六七八九][千万百]|你们的?(?:账|卡|对公|官方)|到|进)|[俾畀](?:你|钱)|[打汇转交]进(?:去|来|账户|卡)|"
    "打.{0,6}(?:钱|款|\\d|[一二两三四五六七八九十百千万]).{0,4}过[来去]|把[^,.!?]{1,10}打(?:过[来去]|给|到|进)",
    r"\b(?:pay|paying|payments?|settle|deposit|wire)(?:s|ing)?\b(?!\s+(?:me|us)\b)|\btransfer(?!\s+(?:you|your\s+call))|"
    r"\bsend(?:ing)?\b(?=.{0,24}(?:\$|\d|money|payment|\bit\b|funds|check|cash|the\s+rest|balance|"
    r"over|dollars|bucks|hundred|thousand|grand))|"
    r"\b(?:clear|cover)\s+(?:it|the\s+(?:balance|debt|amount|rest))\b|"
    r"\b(?:we|you|i)\s+(?:can|could|will)\s+(?:take|accept)\s+(?:a\s+payment\s+of\s+)?(?=\$|\d)|"
    r"\bgood\s+for\s+(?=\$|\d)|"
    r"\b(?:square|settle)\s+up\b|"
    r"\b(?:put(?:ting)?|get\s+you|drop\s+off|cover|hand\s+over|clear|knock\s+out|square\s+up|"
    r"you(?:'ll|\s+will)\s+see)\b(?=.{0,14}(?:\$|\d|money|"
    r"payment|hundred|thousand|grand|dollars|bucks))|"
    r"\bremaining\b|"
    r"\b(?:how\s+much|what)\s+(?:can|could|will)\s+you\s+(?:put\s+(?:down|in)|send|drop\s+off|"
    r"get\s+(?:us|in)|cover|manage|swing)\b|"
    r"\bthe\s+(?:rest|balance)\b|\b(?:can|could|will|'ll)\s+do\b|\b(?:can|could)\s+you\s+do\b|\bhave\s+it\s+paid\b|"
    r"\byou(?:'ll|\s+will)\s+have\s+(?:the\b|it\b|your\b|\$|\d)|\bget\s+(?:it|that|this|the\s+(?:money|payment|rest|balance|\$?\d[\d,.]*)|\$?\d[\d,.]*)\s+(?:over\s+)?to\s+you\b|"
    r"\b(?:swing|afford|manage|scrape\s+together|come\s+up\s+with|autopay|auto-pay)\b|"
    r"\btake\s+care\s+of\s+(?:it|that|this|the\s+\w+)\b|\bmoney\s+order\b|\bcashier's\s+check\b|"
    r"\bget\s+(?:it|the\s+\w+|\$?\d[\d,.]*)\s+in\b|\bmake\s+(?:that|this)\b|"
    r"\b(?:automatic\s+payment|direct\s+debit)\b|"
    r"\b(?:zelle|venmo|paypal|cash\s*app|western\s+union|moneygram)\b|"
    r"\b(?:submit|bring|charge|debit)\b(?!\s+(?:me|us|a\s+fee|fees|interest)\b)"
    r"(?=.{0,24}(?:\$|\d|\bcard\b|checking|payment|money))|\brun\s+(?:my|the|a)\s+card\b|"
    r"\bschedul(?:e|ing)\s+(?:it|that|this|a\s+payment|the\s+payment|\$|\d)|"
    r"\b(?:through|via)\s+(?:the|your)\s+(?:official\s+)?(?:app|website|portal)\b|"
    r"\bhave\s+(?:it|the\s+\$?[\w,.]+|\$?\d[\d,.]*)\s+(?:over\s+)?(?:to|for)\s+you\b|"
    r"\b(?:mail|send|write)(?:ing|s)?\s+(?:you\s+)?(?:a|the)\s+check\b|"
    r"\byou(?:'ll|\s+will)\s+(?:get|receive)\b|\bmake\s+sure\b.{0,30}\b(?:in|through|paid)\b|"
    r"\bput\b.{0,30}\btoward|\bput\s+me\s+down\s+for\b|\bsign\s+me\s+up\b|"
    r"\b(?:have|get)\s+(?:(?:it|the|this|that|them|all|my)\b|\$|\d)"
    r"(?!.{0,20}\b(?:to|for)\s+me\b).{0,20}\b(?:paid|sent|transferred|wired|deposited)\b|"
    r"\bpaid\s+off\b|\bexpect\b",
)
# Paying another bill (rent, school or hospital fees) is not paying this debt.
OTHER_BILL = Cue(
    "房租|租金|学费|水电|物业费|医药费|住院费|手术费|话费|电费|水费|房贷|按揭|保险|车险|打电话|回电|"
    "联系您|联系你|给我(?:打|转|汇|发|结)|(?:打|转|汇|结)给我|发给我|还我|还给我|还钱给我",
    r"\b(?:rent|tuition|utility|utilities|mortgage|insurance)\b|\bcall\s+(?:you|me)\b|"
    r"\bcall\s+back\b|\belectric(?:ity)?\s+bill\b|"
    r"\b(?:medical|hospital)\s+bills?\b|\b(?:in|into)\s+my\s+(?:account|bank|card)\b",
)
# Talk of income (salary day, payday) is not talk of paying the debt.
INCOME = Cue(
    "发工资|工资|薪水|发薪|领薪|奖金|报销|年终奖|回电|回个电话|打给您|打给你|接电话|联系您|再打",
    r"\b(?:payday|paycheck|salary|bonus|wages?)\b|\bget\s+paid\b|\bcall\s+(?:you|me)\b|"
    r"\bcall\s+back\b|\breach\s+you\b",
)  # ... nor is arranging a call back
# The collector asks how much: 还多少？ / How much? / And the amount?
ASKS_AMOUNT = Cue("多少|金额|几千|几百", r"\bhow\s+much\b|\bthe\s+amount\b|\bwhat\s+amount\b")
ASKS_DAY = Cue(
    "哪天|哪一天|几号|周几|星期几|礼拜几|什么时候|啥时候|何时",
    r"\b(?:which|what)\s+day\b|\bwhen\b|\bwhat\s+date\b",
)
BALANCE = Cue(
    "欠|总共|一共|余额|逾期|账单|全部|本金|利息|罚息",
    r"\b(?:owe|owed|owing|balance|overdue|outstanding|total|bill|statement|interest|fees?)\b|"
    r"\bpast\s+due\b",
)
DUE_NOUN = Cue(
    "还款日|到期日|账单日|最后还款|截止日|应还",
    r"\bdue\s+date\b|\b(?:was|is)\s+due\b|\bpayment\s+date\b|\bminimum\s+payment\b",
)
NEG_OK = Cue(
    "没问题|没事|没关系|不好意思|不客气|不会忘|不会再|不会拖|不会晚|不会逾期|不会耽误|不会食言|"
    "不会失约|不过|不管|不然|不用担心|不超过|不晚于|不迟于|要不|不得不|行不行|可不可以|能不能|好不好|"
    "没错|没毛病|不错|一分不少|不少于|少不了|不如|冇问题|得唔得|系唔系|可唔可以|好唔好|使唔使|啱唔啱|得未|"
    "是不是|要不要|会不会|对不对|有没有|成不成|方不方便",
    r"\bno\s+(?:problem|worries)\b|\bnot\s+a\s+problem\b|\bdon't\s+worry\b|"
    r"\b(?:won't|will\s+not)\s+forget\b|\bwon't\s+be\s+late\b|\b(?:no|not)\s+later\s+than\b|"
    r"\bwithout\s+fail\b|\bno\s+earlier\b|\bnot\s+before\b",
)
NEG = Cue(
    "不|没|别|无法|甭|未|唔|冇",
    r"\b(?:not|cannot|no|never|unable|nope|nah|impossible)\b|n't\b",
)
_ROUTINE = "".join(f"(?<!{w})" for w in "上班 下班 起床 起来 回家 醒 开完会 吃完饭".split())
_PLACE = "公司|单位|银行|办公室|店里|营业厅"
COND = Cue(
    "如果|要是|假如|假设|(?<![一二两三四五六七八九十\\d])万一|只要|除非|的话|有钱就|有了钱|看情况|到时候|再看|才能|否则|不然|"
    # 上班了就转 / 到了公司就转: a time of that day (going to work, waking), not a condition
    f"{_ROUTINE}了就|"
    "发了.{0,4}就|到账.{0,3}就|拿到.{0,6}就|收到.{0,6}就|领到.{0,6}就|借到.{0,6}就|凑到.{0,6}就|"
    "下来.{0,3}就|有了.{0,3}就|"
    f"到了(?!{_PLACE}).{{0,3}}就|(?<![周期拜])一(?:到(?!{_PLACE})|进|发|来|拿|收|领|有).{{0,5}}就|"
    "(?:清楚|商量|问问|看看|确认|核实|想想|考虑)(?:一下|好|了)?再|(?:以后|之后|回来|回国|完了?)再|"
    "等(?:我|到|发|工资|钱|他|她|下个|客户|老板|公司)|等.{1,10}了(?:我|就|再)|"
    "等(?!会|一会|一下|下(?!个|周|礼拜|星期|月|次))[^,.!?。]{1,12}(?:再|就)",
    r"\b(?:if|unless|provided|assuming|otherwise)\b|\bas\s+long\s+as\b|\bdepend|"
    r"\bor\s+(?:else|you'll|you\s+will|we'll|we\s+will)\b|"
    r"\b(?:once|when|after)\s+i\s+(?:get|have|receive|find)\b|"
    r"\b(?:once|when|after)\s+(?:my|the)\s+(?:\w+\s+){0,2}(?:hits|comes|clears|arrives|lands|"
    r"goes\s+through)\b|\bin\s+case\b|\bi'd\b(?!\s+(?:rather|prefer|like|say))",
)
COND_CARRY = Cue(
    "如果|要是|假如|假设|(?<![一二两三四五六七八九十\\d])万一|只要|除非|的话",
    r"\b(?:if|unless|once|assuming|provided)\b|\bas\s+long\s+as\b|\bin\s+case\b",
)
HEDGE = Cue(
    "尽量|争取|试试|试一下|可能|也许|大概|估计|应该|说不定|不一定|再说|看看|考虑|想想|商量|问问|"
    "不清楚|不确定|不知道|说不准|说不好|想办法|想想办法|够呛|悬|最早|最快也|最快得|"
    # 能还多少算多少 / 看能还多少: what I can; 明天能还多少？ is the collector asking the amount
    "看(?:看)?(?:我)?(?:能|可以)[还缴给凑付转]多少|能[还缴给凑付转]多少(?:算|就|[还缴给凑付转]多少)",
    r"\b(?:maybe|perhaps|probably|might|try|trying|hopefully|hope|hoping)\b|"
    r"\bwhat(?:ever)?\s+i\s+can\b|\bearliest\b|\bdoubt\b|\bfigure\b.{0,20}\bout\b|"
    r"\bwork\s+something\s+out\b|\bi\s+guess\b|\bnot\s+sure\b|"
    r"\bshould\s+be\s+able\b|\bsee\s+(?:what|if)\b|\bi\s+don't\s+know\b|"
    r"\blet\s+me\s+(?:think|check|see|ask)\b|\bthink\s+about\b|\bask\s+my\b|\bcheck\s+with\b",
)
# Doubt anywhere in a sentence hedges all of it: 她明天帮我还，我也不知道她还不还。
DOUBT = Cue(
    "不知道|不确定|不清楚|说不准|说不好|没把握|不一定|不敢保证|保证不了|不好说|没准|难讲|唔知|"
    "到时候?再(?:说|看)|"
    "(?:问|商量|请示)(?:一?下|问)?(?:我|家里|家人|老婆|老公|爱人|媳妇|先生|太太|领导|老板)|"
    "不关我的?事|跟我没关系|找[她他](?:吧|去|要|还)",
    r"\bnot\s+sure\b|\bdon't\s+know\b|\bno\s+idea\b|\bdoubt\b|\bcan't\s+promise\b|"
    r"\b(?:ask|check\s+with|talk\s+to)\s+my\s+(?:wife|husband|partner|boss|family|parents)\b|"
    r"\bnot\s+my\s+problem\b|\btake\s+it\s+up\s+with\b",
)
# A clause that is nothing but a hedge (我争取 / I'll try) hedges its whole sentence.
HEDGE_ONLY = Cue(
    "^(?:我|那|再|就|先|也)*(?:尽量|争取|试试|试一下|看看|再看看|想想|考虑一下|再说|问问|不清楚|"
    "不确定|不知道|说不准|说不好|可能|大概|也许|估计|应该)(?:可以|行|没问题|能行|能|会)?(?:吧|看|啊|哈|了)*$",
    r"^(?:i'll|i\s+will|let\s+me)?\s*(?:try|see|think\s+about\s+it|check|"
    r"see\s+what\s+i\s+can\s+do)[.!]*$|^(?:maybe|we'll\s+see|i'm\s+not\s+sure|i\s+don't\s+know|"
    r"probably|perhaps|hopefully|i\s+think|i\s+guess|possibly)$",
)
PAST = Cue(
    "已经(?!约好|安排|准备|决定|打算|想好|计划|说好|定好|预约)|已还|已付|已转|早就(?<!一早就)|上次|上回|"
    "还过|付过|本来|原本|原来打算|本打算|刚才|刚刚|上周|是想|本想|"
    "原想|之前答应|之前承诺|之前说|答应过|承诺过",
    r"\b(?:was|were)\s+going\s+to\b|\bwas\s+planning\b|\bmeant\s+to\b|\blast\s+time\b|"
    r"\b(?:tried|attempted)\s+to\b|"
    r"\balready\b(?!\s+(?:set\s+up|scheduled|arranged|booked|planned))|"
    r"\bi(?:'ve|\s+have)?\s+paid\b|\bdid\s+pay\b|\bsent\s+it\b|\blast\s+week\b|\byou\s+promised\b|"
    r"\bdidn't\s+(?:come|go)\b|\b(?:wasn't|was\s+not)\s+received\b|"
    r"\bwe\s+didn't\s+(?:get|receive)\b",
)
QUESTION = Cue(
    "吗|么$|呢$|能不能|可不可以|行不行|好不好|是不是|要不要|会不会|有没有|什么时候|哪天|几号|多少|"
    "怎么样|如何",
    r"^(?:can|could|would|will|do|does|did|are|is|when|what|how|why)\b",
)
TAG_PROPOSAL = Cue(
    "可以吗|行吗|好吗|成吗|可不可以|行不行|好不好|怎么样|如何|得唔得|可唔可以|好唔好|得冇|ok唔ok",
    r"\bok(?:ay)?\??$|\bis\s+(?:that|it)\s+ok\b|\bwould\s+(?:that|it)\s+(?:work|be\s+ok)\b|"
    r"\bdoes\s+that\s+work\b|\b(?:how|what)\s+about\b|\b(?:can|could)\s+(?:i|we)\b|\bi\s+can\b|"
    r"\bwhat\s+if\b",
)
FILLER = Cue(
    "那就|那么|就|吧|啊|呀|嗯|哦|呗|了|的|那|好|行|可以|我|先|定在|定|约在|只能|只|最晚|最迟|最快|"
    "之前|以前|前|上午|下午|晚上|中午|早上|点|半|钟|左右|能|会|差不多|全部|全额|一次性|所有|没问题|没事|"
    "方便|我们|咱们|约|"
    "也行|也可以|ok|改成|改到|改在|改为|换成|换到|挪到|推到|要不然|要不|还是|改|一定|肯定|保证|绝对|但是|但|不过|可是|呃|额|那个|得唔得|可唔可以|好唔好|得未|得冇",
    r"\b(?:then|and|but|other|uh|um|er|erm|hmm|like|so|well|can\s+we|could\s+we|can\s+i|could\s+i|i\s+can|i\s+could|can|what\s+if|"
    r"what\s+about|about|another|also|"
    r"i'd\s+rather|i'd\s+prefer|i'd\s+say|rather|prefer|do|to\s+be\s+safe|would|shall|does|we|"
    r"what\s+time|which\s+day|what\s+day|when|"
    r"full|amount|whole|entire|everything|all|better|best|"
    r"around|roughly|approximately|please|let's\s+say|let's\s+do|let's\s+go\s+with|"
    r"let's\s+make\s+it|make\s+it|"
    r"it\s+is|how\s+about|say|on|by|before|ok|okay|sure|yes|yeah|fine|i'll|"
    r"i\s+will|instead|only|just|works?|for|me|is|good|great|it|that|at|the|in|morning|"
    r"afternoon|evening|noon|midday|tonight|latest|o'clock|pm|am|first\s+thing|for\s+sure|"
    r"definitely|i\s+promise|promise|guaranteed|no\s+later\s+than)\b",
)
ACCEPT = Cue(
    "^(?:那|那就|哦|噢|呃|额|嗯)?(?:行|好|嗯|对|是|系|成|能|会|中|得(?!了)|妥)(?:[的吧啊呀了嘛滴哈嗯好行对是嘞咧啦咯喇喔哦噢]|可以)*"
    "(?=$|[\\W\\s]|就这|我记)|"
    "^(?:那|那就|哦|噢|嗯)?(?:可以|没问题|冇问题|无问题|收到|没毛病|保证|一定|肯定|放心|同意|答应|那就这样|就这样|就这么|定了|记住了|"
    "做得到|能做到|可以做到|办得到|搞得掂|算数|当然|"
    "ok|okay)",
    r"^(?:ok|okay|yes|yeah|yep|yup|sure|fine|alright|all\s+right|deal|agreed|that\s+works|"
    r"i\s+(?:agree|accept)|accepted|"
    r"confirm(?:ed)?|"
    r"exactly|yes\s+it\s+is|go\s+ahead|please\s+do|do\s+it|book\s+it|set\s+it\s+up|you\s+bet|"
    r"certainly|(?:you\s+can\s+)?count\s+on\s+(?:it|me)|doable|can\s+do|that'll\s+work|"
    r"works\s+for\s+me|sounds\s+good|will\s+do|i\s+will|i\s+can|i'll\s+do\s+(?:it|that)|"
    r"i\s+promise|of\s+course|definitely|absolutely|no\s+problem|correct|right|that's\s+right|"
    r"that's\s+fine|that's\s+ok|got\s+it|understood|that\s+should\s+(?:be\s+fine|work|be\s+ok)|"
    r"that'd\s+work|that\s+would\s+work|that\s+works|i\s+can\s+manage\s+that|you\s+got\s+it|"
    r"let's\s+do\s+(?:it|that)|i'll\s+make\s+it\s+happen|uh-huh|mm-hmm|mhm|i'll\s+have\s+it|"
    r"count\s+me\s+in|that's\s+doable|yes\s+(?:sir|ma'am))\b",
)
# A precondition anywhere in a sentence makes its promise conditional: 但你得先… / 前提是…
PRECONDITION = Cue(
    "得先|要先|必须先|先得|首先得|前提是|除非|只要",
    r"\bfirst\s+you\b|\byou\s+(?:have|need)\s+to\s+first\b|\bonly\s+if\b|\bunless\b|"
    r"\bprovided\b|\bas\s+long\s+as\b",
)
# The collector checks a day the debtor gave: 您说的月底是指11月30号吗？ / Friday, you mean?
CLARIFY = Cue("是指|是说|您说的|你说的|就是说", r"\byou\s+(?:mean|said)\b|\bis\s+that\b|\bright\?")
# In a script without speaker tags only a stated agreement counts, not a demand or a question.
CONFIRM = Cue(
    "确认|约定|约好|说好|商定|登记|记下|记录(?:下来|一下|在案|了|好了)|已记录|核对|承诺|答应|保证|您将|您会|你会|你将|那就|就这么定|定在|"
    "定了|一定|肯定|会还|回顾|总结|(?:您|你|客户)(?:已经?)?同意|记录您",
    r"\b(?:agreed|confirm|confirmed|confirming|noted|arrangement|promised?|scheduled|recap|"
    r"committed)\b|\byou(?:'ll|\s+will)\s+(?:pay|make|send|transfer|be\s+paying)\b|"
    r"\byou(?:'ve|\s+have)\s+agreed\b|\bi\s+have\s+you\s+down\b|"
    r"\bset\s+up\b|\bwe'll\s+see\s+your\b|\bwe\s+will\s+see\s+your\b",
)
# Words that keep a yes on the promise: 谢谢 / 记下了 / 准时 / thanks / noted / I promise.
AGREEING = Cue(
    "谢谢|再见|拜拜|记住|记下|准时|按时|放心|一定|知道了|明白|没问题|可以|就这样|就这么|说定|定了|"
    "没错|对的|是的|没毛病|确实|正确|对啊|好的|行|不好意思|抱歉|喂|在的|我在(?:的|呢|听)?$|都可以|都行|两个都|"
    "按约定|照说的|说好的|"
    "通过|官方|App|app",
    r"\b(?:thanks?|thank\s+you|please|bye|noted|promise|definitely|for\s+sure|on\s+time|will\s+do|"
    r"sounds\s+good|got\s+it|no\s+problem|that's\s+(?:fine|ok|right|correct)|that\s+works|correct|"
    r"exactly|right|sorry|hello|hi|i'm\s+here|still\s+here|"
    r"(?:that's\s+the|sounds\s+like\s+a)\s+plan|"
    r"both|both\s+of\s+them|all\s+of\s+it|(?:as\s+)?agreed|as\s+discussed|like\s+we\s+said|"
    r"the\s+app|online|website|portal)\b",
)
REFUSE = Cue(
    "^(?:不行|不可以|不能|不好|不太行|不了|没办法|没法|恐怕不|那不行|太晚|太迟|太多)|"
    "^.{0,30}?(?:太晚|太迟|不能接受|没法接受|不太行)|"
    # 我要先请示一下主管 / 稍后回复您: a deferral is no yes either
    "^.{0,12}?(?:请示|问一下主管|问问主管|稍后(?:再)?(?:回复|答复|通知)|回头(?:再)?(?:回复|答复))",
    r"^(?:no|nope|nah|i\s+can't|i\s+cannot|that's\s+too|that\s+won't|sorry,?\s+(?:no|we\s+can't))"
    r"\b|^.{0,30}?\b(?:too\s+late|can't\s+accept|cannot\s+accept|not\s+possible|won't\s+work|"
    r"doesn't\s+work)\b|^.{0,20}?\b(?:check\s+with\s+my\s+(?:supervisor|manager)|"
    r"get\s+back\s+to\s+you|need\s+(?:approval|to\s+ask)|see\s+what\s+i\s+can\s+do|"
    r"look\s+into\s+(?:it|that)|ask\s+my\s+(?:supervisor|manager))\b",
)
# The whole amount owed: 全部 / 还清 / 还晒 / pay it all / in full (the balance named before).
WHOLE = Cue(
    "全部|全额|全数|所有|一次性|[还付缴交]清|结清|[还付缴]完|全还|[还俾畀]晒|都还",
    r"\ball\b|\bin\s+full\b|\bwhole\b|\bfull\s+(?:amount|balance)\b|\bentire\b|\beverything\b|"
    r"\bpay\s+(?:it\s+|this\s+|that\s+)?off\b|\bthe\s+(?:balance|total)\b",
)
# Only part of it: 剩下 / 一部分 / the rest.
PART = Cue(
    "剩|一部分|部分|其余|余下|尾款|一些|一点(?![前钟半])",
    r"\b(?:rest|remaining|part|some|something|portion|partial)\b|\ba\s+(?:little|bit)\b",
)
# Another payment, not the same one moved: 再还 / 又 / also / another / again.
AGAIN = Cue("再还|再付|再缴|再转|再交|又|也还|另外|还要", r"\b(?:again|another|also|too|more)\b")
# Half of the amount on the table: 一半 / half.
HALF = Cue("一半|半数|一半儿", r"\bhalf\b")
# A check-back tag after a recap: 对吗 / 对吧 / 是吗 / 没错吧 / right? / correct? / is that right?
CHECK_BACK = Cue(
    "^(?:是|对|没错|没问题|可以)(?:吗|吧|么|嘛)$|^(?:是不是|对不对|对吧)$",
    r"^(?:right|correct|is\s+that\s+(?:right|correct)|ok(?:ay)?|yes)$",
)
