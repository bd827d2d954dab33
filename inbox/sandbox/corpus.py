"""What customers and the brand's agents say, in Arabic and English, for demo and seed data.

The demo and the bulk seeder need text that looks like a real support inbox:
Gulf and Modern Standard Arabic as people actually type it (diacritics here and
there, tatweel for emphasis, emoji, mixed digits), English with the usual
abbreviations, and the words escalation rules look for (refund, scam, fraud,
احتيال، نصب، شكوى، استرداد, order numbers). Everything is plain functions over a
``random.Random`` so any module can reuse it without the HTTP sandbox.
"""

from __future__ import annotations

import random

INTENTS = ("complaint", "question", "thanks", "rumour", "urgent")
LANGS = ("ar", "en")

_CUSTOMER: dict[str, dict[str, list[str]]] = {
    "complaint": {
        "en": [
            "My order {order} still hasn't arrived and it's been 9 days. This is ridiculous.",
            "Third time contacting you about order {order}. Nobody replies. Terrible service.",
            "The app keeps crashing every time I try to pay. Fix it please 😤",
            "I was charged twice for the same order ({order}). Can someone look into this?",
            "Your delivery guy left my parcel outside in the rain. Everything is soaked.",
            "Ordered a blue one, received a red one. Order {order}. Not happy.",
            "Been on hold for 45 minutes. Is anyone actually working there?",
            "The discount code from your ad doesn't work at checkout. False advertising much?",
            "Your courier marked {order} as delivered but I never got it.",
            "Product broke after two days. Really disappointed with the quality 👎",
            "why is the app logging me out every 5 min?? so annoying",
            "Still waiting on a call back that was promised on Monday.",
            "Package arrived damaged, box completely crushed. Order {order}",
            "Your website says in stock, then cancels my order. Happened twice now.",
            "The tracking link for {order} has said 'in transit' for a week.",
            "Honestly the worst customer experience I've had this year.",
            "I cancelled within 10 minutes and you still shipped it. Now what?",
            "Half my groceries were missing from order {order} 🙄",
            'Refund for {order} was approved 2 weeks ago and still nothing on my card.',
            'Your chatbot just loops. I need a human please.',
            'The size chart is completely wrong, everything runs small.',
            "Delivery window was 9-12, it's 4pm now and no driver.",
        ],
        "ar": [
            "طلبي رقم {order} ما وصل لين الحين، صار له أسبوع 😡",
            "ثالث مرة أتواصل معكم بخصوص الطلب {order} ولا أحد يرد!!",
            "التطبيق يطلعني كل شوي، وش السالفة؟",
            "انخصم المبلغ مرتين على نفس الطلب {order}، أبي حل",
            "المندوب رمى الشحنة عند الباب والكرتون مكسور 💔",
            "طلبت لون أزرق وجاني أحمر، الطلب {order}. مو معقول كذا",
            "خدمة العملاء عندكم سيئة جداً، ساعة انتظار على الخط",
            "كود الخصم ما يشتغل أبداً، ليش تعلنون عنه؟",
            "مكتوب تم التوصيل وأنا ما استلمت شي! الطلب {order}",
            "المنتج خرب بعد يومين بس، جودة سيئة للأسف",
            "والله تعبت من الاتصال ولا أحد يرد عليّ",
            "الموقع يقول متوفر وبعدين يلغون الطلب، صارت معي مرتين",
            "الشحنة {order} واقفة على «قيد التوصيل» من أسبوع",
            "أسوأ تجربة مرّت عليّ هالسنة بصراحة 😤😤",
            "لغيت الطلب بعد عشر دقايق ومع ذلك شحنتوه، وش الحل الحين؟",
            "نص الأغراض ناقصة من الطلب {order} 🙄",
            "سيّـــــئ جداً التعامل، وعدتوني باتصال ولا أحد اتصل",
            "لقد تأخّر طلبي كثيرًا ولم يتواصل معي أحد حتى الآن.",
            "الخدمة صارت ضعيفة مرررة مو مثل أول",
            "يا جماعة التطبيق معلّق من الصبح ما أقدر أدفع",
            'وافقتوا على الاسترداد للطلب {order} من أسبوعين وللحين ما نزل',
            'الشات بوت يعيد نفس الكلام، أبي أكلم موظف',
            'المقاسات غلط، كل شي صغير',
            'قالوا التوصيل من ٩ لـ ١٢ والحين الساعة ٤ العصر ولا جاء أحد',
            'ليش ما تردون على الخاص؟ أرسلت أكثر من مرة',
        ],
    },
    "question": {
        "en": [
            "Hi, do you deliver to Dammam on weekends?",
            "What's your return policy for opened items?",
            "How do I change the delivery address on order {order}?",
            "Is there a way to pay with Apple Pay on the website?",
            "When will the new collection be available online?",
            "Do you have a physical store in Riyadh?",
            "Can I pick up my order instead of delivery?",
            "How long do refunds usually take to show on my card?",
            "Does the warranty cover water damage?",
            "Hey! Is the summer sale also valid in the app?",
            "What are your customer service hours during Ramadan?",
            "Can I add an item to an order I already placed ({order})?",
            "Quick q: do you ship to Bahrain?",
            "Is cash on delivery still available?",
            'Do you offer installments with Tabby or Tamara?',
            'How can I update the phone number on my account?',
            'Is the gift card valid in all branches?',
        ],
        "ar": [
            "السلام عليكم، هل يوجد توصيل للدمام يوم الجمعة؟",
            "كيف أغير عنوان التوصيل للطلب {order}؟",
            "وش سياسة الإرجاع عندكم للمنتجات المفتوحة؟",
            "هل أقدر أدفع بأبل باي من الموقع؟",
            "متى تنزل التشكيلة الجديدة؟",
            "عندكم فرع في جدة؟",
            "أقدر أستلم الطلب من الفرع بدل التوصيل؟",
            "كم يوم ياخذ الاسترداد عشان يرجع المبلغ للبطاقة؟",
            "الضمان يشمل الكسر ولا لا؟",
            "مرحبا، العرض شامل التطبيق ولا الموقع بس؟",
            "ما هي مواعيد خدمة العملاء في رمضان؟",
            "ممكن أضيف منتج على طلب سابق؟ رقمه {order}",
            "توصلون البحرين؟ 🇧🇭",
            "الدفع عند الاستلام لسه متوفر؟",
            "هل يمكنني تعديل الطلب بعد الدفع؟",
            "لو سمحت، كيف أسجّل في برنامج الولاء؟",
            'هل التقسيط متاح عن طريق تابي أو تمارا؟',
            'كيف أغير رقم الجوال في الحساب؟',
            'بطاقة الهدايا تنفع في كل الفروع؟',
            'فيه كوبون خصم للطلب الأول؟',
        ],
    },
    "thanks": {
        "en": [
            "Huge thanks to your team, my issue was solved in minutes 🙏",
            "Order {order} arrived a day early. Great job!",
            "Just wanted to say the support agent I spoke to was amazing.",
            "Thank you for the quick refund, really appreciate it.",
            "Love the new app update, so much faster now ❤️",
            "Great service as always, thanks!",
            "You guys sorted it out, thank you so much",
            "Props to the delivery driver today, super polite 👏",
            'Best customer service in the region, honestly 🙌',
            'Thanks for replacing the broken item so fast!',
        ],
        "ar": [
            "شكراً لكم، انحلت مشكلتي بسرعة 🙏",
            "وصل الطلب {order} قبل موعده، تسلمون",
            "الموظف اللي كلمني كان قمة في الأخلاق، شكراً له",
            "شكرًا على سرعة الاسترداد، ما قصرتوا",
            "التحديث الجديد للتطبيق رهيب ❤️",
            "خدمة ممتازة كالعادة، الله يعطيكم العافية",
            "شكـــــــراً من القلب 🌹",
            "شُكْرًا جَزِيلًا على حسن التعامل",
            "يعطيكم العافية، تعامل راقي 👌",
            "مشكورين على الاهتمام والمتابعة",
            'والله إنكم أفضل خدمة عملاء تعاملت معها 🙌',
            'شكراً على تبديل المنتج بسرعة',
            'ما قصرتوا والله، وصلني البديل اليوم',
        ],
    },
    "rumour": {
        "en": [
            "Is it true that you're closing all your stores next month?",
            "Is it true that customer data was leaked? Please confirm.",
            "Heard you're stopping cash on delivery. Is that true?",
            "Someone said the company was sold. Is it true that prices will go up?",
            "Is it true that the loyalty points will expire this week?",
            "People are saying your products are fake now. Any comment?",
            "Is it true that there's a 70% sale only for app users? Saw it on WhatsApp",
            "Is it true that you're firing all customer service staff?",
        ],
        "ar": [
            "هل صحيح أن فروعكم بتقفل الشهر الجاي؟",
            "هل صحيح أن بيانات العملاء تسربت؟ نبي توضيح",
            "سمعت إنكم بتوقفون الدفع عند الاستلام، صحيح؟",
            "هل صحيح أن الشركة انباعت والأسعار بترتفع؟",
            "هل صحيح أن نقاط الولاء بتنتهي هالأسبوع؟",
            "الناس تقول منتجاتكم صارت تقليد، وش ردكم؟",
            "هل صحيح أن فيه خصم ٧٠٪ للتطبيق بس؟ وصلني بالواتساب",
            "انتشر مقطع يقول إنكم توقفتوا عن البيع، هل الكلام صحيح؟",
            'هل صحيح أن الطلبات المتأخرة ما لها استرداد؟',
            'يقولون إن فيه حساب وهمي باسمكم يطلب تحويلات، صحيح؟',
        ],
    },
    "urgent": {
        "en": [
            "I want a REFUND for order {order} now. This is a scam.",
            "Someone used my account to place an order I didn't make. This is fraud!",
            "Got an SMS pretending to be you asking for my card number. Scam alert!",
            "I need a refund immediately, you charged me for something I never received ({order}).",
            "Filing a formal complaint. Order {order}, charged 3 times, no refund.",
            "Fraud on my card right after ordering from you. Urgent, please call me.",
            "This is a scam, I paid and the order {order} was cancelled with no refund!!",
            "URGENT: wrong medicine delivered in order {order}",
            'A fake account using your logo asked me to transfer money. Is this a scam?',
            'I demand a refund. Formal complaint filed with consumer protection.',
        ],
        "ar": [
            "أبي استرداد فلوسي للطلب {order} الحين، هذا نصب!",
            "أحد استخدم حسابي وطلب بدون علمي، هذا احتيال",
            "وصلتني رسالة باسمكم تطلب رقم البطاقة، احتيال انتبهوا",
            "أطالب باسترداد المبلغ فوراً، خصمتوا مني وما وصلني شي ({order})",
            "بقدم شكوى رسمية، الطلب {order} انخصم ثلاث مرات ولا استرداد",
            "عملية احتيال على بطاقتي بعد الشراء منكم مباشرة، عاجل!!",
            "نصب واحتيال! دفعت والطلب {order} انلغى وما رجعت فلوسي",
            "شكوى: تم خصم المبلغ مرتين، أريد استرداد المبلغ بشكل عاجل",
            "عاجل جداً 🚨 الطلب {order} فيه منتج غلط وخطير",
            'حساب وهمي بشعاركم طلب مني تحويل مبلغ، هل هذا نصب؟',
            'راح أرفع شكوى لحماية المستهلك إذا ما رجع المبلغ',
        ],
    },
}

_FOLLOWUPS = {
    "en": [
        "Any update on this?", "Still waiting...", "Hello?? anyone?",
        "I sent you a DM, please check.", "It's been 2 days, nothing.",
        "Ok thanks, waiting for your call.", "Done, sent the details in DM.",
        "That didn't work either.", "Order number is {order}",
        "Thanks, it's working now 👍", "Same problem again today.",
    ],
    "ar": [
        "فيه تحديث؟", "للحين أنتظر...", "ألو؟؟ أحد يرد؟", "أرسلت لكم خاص، تكفون شوفوه",
        "صار لي يومين ما أحد رد", "تمام، أنتظر اتصالكم", "أرسلت التفاصيل بالخاص",
        "ما زبطت برضو", "رقم الطلب {order}", "شكراً اشتغل الحين 👍", "نفس المشكلة رجعت اليوم",
        "طيب متى؟", "يعني إلى متى ننتظر؟!",
    ],
}

_BRAND = {
    "ack": {
        "en": ["Hi {name}, sorry to hear that! Could you DM us your order number so we can check?",
               "We're sorry for the trouble, {name}. Please send us the details in DM and we'll "
               "sort it out.",
               "Thanks for flagging this, {name}. Our team is looking into it now.",
               "Hi {name}, we've escalated this to our delivery team and will update you shortly.",
               "So sorry about this, {name}! We've sent you a DM to sort it out."],
        "ar": ["أهلاً {name}، نعتذر عن الإزعاج، ممكن ترسل لنا رقم الطلب بالخاص؟",
               "نأسف لما حدث {name}، نرجو إرسال التفاصيل عبر الرسائل الخاصة وسنتابع معك",
               "شكراً لتواصلك {name}، فريقنا يتابع الموضوع الآن",
               "أهلاً {name}، تم رفع الموضوع لفريق التوصيل وبنرد عليك بأقرب وقت",
               "نعتذر منك {name}، أرسلنا لك رسالة خاصة لحل المشكلة"],
    },
    "answer": {
        "en": ["Hi {name}! Yes, we deliver 7 days a week.",
               "Hi {name}, refunds take 5-7 business days to show on your card.",
               "Great question {name}! You can find it under Account > Orders.",
               "Hi {name}, yes! Installments are available at checkout."],
        "ar": ["أهلاً {name}، نعم التوصيل متاح طوال أيام الأسبوع",
               "مرحباً {name}، الاسترداد يستغرق من ٥ إلى ٧ أيام عمل",
               "أهلاً {name}، تقدر تلقاها في الحساب > الطلبات",
               "مرحباً {name}، نعم التقسيط متاح عند الدفع"],
    },
    "thanks": {
        "en": ["Thank you {name}, we're glad we could help! 💙", "Appreciate it, {name}!"],
        "ar": ["شكراً لك {name}، سعداء بخدمتك 💙", "الله يسعدك {name}، نورتنا"],
    },
    "rumour": {
        "en": ["Hi {name}, that's not true. Please rely on our official channels only.",
               "Thanks for checking with us, {name}. This news is inaccurate."],
        "ar": ["أهلاً {name}، هذا الخبر غير صحيح، نرجو الاعتماد على قنواتنا الرسمية فقط",
               "شكراً لتحققك {name}، المعلومة غير دقيقة"],
    },
    "resolve": {
        "en": ["Done {name}, the refund has been issued. Anything else we can help with?",
               "All sorted, {name}. Your replacement ships tomorrow."],
        "ar": ["تم {name}، أصدرنا الاسترداد. هل تحتاج أي مساعدة أخرى؟",
               "تم حل المشكلة {name}، البديل يُشحن بكرة"],
    },
}
BRAND_INTENT = {"complaint": "ack", "urgent": "ack", "question": "answer", "thanks": "thanks",
                "rumour": "rumour"}

_FIRST = {
    "ar": ["محمد", "عبدالله", "فهد", "خالد", "سعود", "نورة", "سارة", "ريم", "هيا", "عبدالرحمن",
           "مشاعل", "لولوة", "أحمد", "منيرة", "تركي", "العنود", "ناصر", "دانة", "يوسف", "شهد"],
    "en": ["James", "Emily", "Omar", "Aisha", "Daniel", "Priya", "Lucas", "Fatima", "Ryan",
           "Hannah", "Yusuf", "Chloe", "Kevin", "Layla", "Mark", "Zainab"],
}
_LAST = {
    "ar": ["العتيبي", "القحطاني", "الشمري", "الدوسري", "الحربي", "الزهراني", "المطيري", "الغامدي",
           "السبيعي", "الكعبي"],
    "en": ["Smith", "Khan", "Patel", "Johnson", "Haddad", "Brown", "Rahman", "Lee", "Nasser"],
}
_LATIN = {"محمد": "mohd", "عبدالله": "abdullah", "فهد": "fahad", "خالد": "khalid",
          "سعود": "saud", "نورة": "noura", "سارة": "sara", "ريم": "reem", "هيا": "haya",
          "عبدالرحمن": "abdulrahman", "مشاعل": "mashael", "لولوة": "lulwa", "أحمد": "ahmed",
          "منيرة": "munira", "تركي": "turki", "العنود": "alanoud", "ناصر": "nasser",
          "دانة": "dana", "يوسف": "yousef", "شهد": "shahad"}
_BIOS = {
    "ar": ["أحب السفر والقهوة ☕", "مهندس | الرياض", "أم لثلاثة 💕", "طالبة جامعية",
           "لا إله إلا الله", ""],
    "en": ["Coffee first ☕", "Dad. Engineer. Runner.", "Living in Dubai 🌴", "Opinions my own",
           ""],
}


def order_number(rng: random.Random) -> str:
    """Order numbers as customers quote them: sometimes with a #, sometimes a prefix."""
    digits = str(rng.randint(100000, 9999999))
    return rng.choice([digits, "#" + digits, "ORD-" + digits, digits])


def _fill(rng: random.Random, template: str, name: str = "") -> str:
    return template.replace("{order}", order_number(rng)).replace("{name}", name).strip()


_OPENERS = {
    "ar": ["", "", "", "السلام عليكم، ", "مساء الخير، ", "لو سمحتوا، ", "مرحبا، "],
    "en": ["", "", "", "Hi, ", "Hello team, ", "Hey ", "Excuse me, "],
}


def customer_message(rng: random.Random, intent: str, lang: str) -> str:
    """A first message from a customer with this intent, in "ar" or "en"."""
    opener = rng.choice(_OPENERS[lang]) if intent != "thanks" else ""
    body = _fill(rng, rng.choice(_CUSTOMER[intent][lang]))
    if opener and lang == "en":
        body = body[0].lower() + body[1:] if not body.startswith("I ") else body
    return opener + body


def customer_followup(rng: random.Random, lang: str) -> str:
    """A customer's next message in a thread that is already open."""
    return _fill(rng, rng.choice(_FOLLOWUPS[lang]))


def brand_reply(rng: random.Random, intent: str, lang: str, name: str = "") -> str:
    """What an agent answers to a customer message of ``intent`` (or "resolve")."""
    kind = intent if intent in _BRAND else BRAND_INTENT.get(intent, "ack")
    return _fill(rng, rng.choice(_BRAND[kind][lang]), name.split(" ")[0])


def person(rng: random.Random, lang: str) -> tuple[str, str, str]:
    """A customer's (display name, username, bio); usernames are ASCII as X requires."""
    first, last = rng.choice(_FIRST[lang]), rng.choice(_LAST[lang])
    latin = _LATIN.get(first, first.lower())
    handle = f"{latin}{rng.choice(['', '_', '.', ''])}{rng.randint(1, 9999)}".replace(".", "_")
    name = first if rng.random() < 0.3 else f"{first} {last}"
    if lang == "ar" and rng.random() < 0.15:
        name += rng.choice([" 🇸🇦", " 🌙", " ✨"])
    return name, handle[:15], rng.choice(_BIOS[lang])


def all_customer_phrases() -> list[str]:
    """Every customer template, for tests and for seeders that want to cover them all."""
    found = [p for by_lang in _CUSTOMER.values() for ps in by_lang.values() for p in ps]
    return found + [p for ps in _FOLLOWUPS.values() for p in ps]


def all_brand_phrases() -> list[str]:
    return [p for by_lang in _BRAND.values() for ps in by_lang.values() for p in ps]
